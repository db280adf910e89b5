import type * as vscode from 'vscode';
import type { MarkdownIt } from './features/markdownPreview';
import { ACTIVITIES } from './model/activities';
import type { RenderReport } from './model/diagramProtocol';
import { PRACTICES } from './model/practices';

/** What the extension exports from `activate`, for other extensions and for the integration tests. */
export interface SvcApi {
  readonly activityIds: readonly string[];
  readonly practiceIds: readonly string[];
  /** Time spent in `activate`, from entry to return, in milliseconds. */
  readonly activationMs: number;
  readonly diagrams: DiagramApi;
  /** The Markdown preview's hook (`markdown.markdownItPlugins`): draws ```valuestream blocks. */
  extendMarkdownIt<T extends MarkdownIt>(md: T): T;
}

/** What the diagram panels show, as their webviews report it (rendered labels, card, errors, zoom). */
export interface DiagramApi {
  /** The SVC diagram panel's report, or undefined when it is not open. */
  inspectValueChainDiagram(): Promise<RenderReport | undefined>;
  /** The report of the preview of `document`, or undefined when it has none. */
  inspectValueStreamPreview(document: vscode.Uri): Promise<(RenderReport & { readonly updates: number }) | undefined>;
}

export interface ActivationFacts {
  readonly activationMs: number;
}

export interface ApiParts {
  readonly diagrams: DiagramApi;
  readonly extendMarkdownIt: SvcApi['extendMarkdownIt'];
}

export function createApi(facts: ActivationFacts, parts: ApiParts): SvcApi {
  return {
    activityIds: ACTIVITIES.map((activity) => activity.id),
    practiceIds: PRACTICES.map((practice) => practice.id),
    activationMs: facts.activationMs,
    diagrams: parts.diagrams,
    extendMarkdownIt: parts.extendMarkdownIt,
  };
}
