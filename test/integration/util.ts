// Helpers shared by the integration tests. They run in the real extension host: the Node one under
// `npm run test:integration` and `test:desktop`, the web worker one under `test:integration -- --web`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SvcApi } from '../../src/api';

export const EXTENSION_ID = 'svc-tools.service-value-chain';

/**
 * True in the web worker extension host (VS Code for the Web). `vscode.env.uiKind` cannot tell: code-server
 * reports `Web` for its Node extension host too.
 */
export function isWebHost(): boolean {
  return typeof process === 'undefined' || typeof process.versions?.node !== 'string';
}

/**
 * Skips the current test (or, in a `suiteSetup`, the suite) in the web worker host, for what cannot run there, and
 * says why in the log. Load Node modules with `await import('node:fs')` after this call: the web bundle leaves Node
 * built-ins unresolved, so a top-level import would break the whole web suite.
 */
export function skipInWebHost(context: Mocha.Context, reason: string): void {
  if (!isWebHost()) return;
  console.log(`      skipped in the web worker host (${context.test?.fullTitle() ?? context.currentTest?.fullTitle() ?? 'suite'}): ${reason}`);
  context.skip();
}

/** The extension under test, activated; fails the test when it is missing or its activation throws. */
export async function activateExtension(): Promise<{ extension: vscode.Extension<SvcApi>; api: SvcApi }> {
  const extension = vscode.extensions.getExtension<SvcApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  return { extension, api };
}

/**
 * A URI in the opened workspace folder (a temporary copy of test/fixtures/workspace); works in both hosts, unlike file
 * paths.
 */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Polls `probe` until it returns a truthy value, for UI state that settles asynchronously. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, description: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
