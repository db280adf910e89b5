/**
 * `mermaid-chunk:<name>` is one of Mermaid's own lazily loaded chunks (e.g. `flowDiagram`, `dagre`), resolved by
 * esbuild.mjs to the file whose name Mermaid hashes anew in every release. Only loaded, never used directly.
 */
declare module 'mermaid-chunk:*' {
  const chunk: unknown;
  export default chunk;
}
