import type { MarkdownIt } from './features/diagrams';
import { ACTIVITIES, PRACTICES } from './model/itil';
import type { SvcTestingApi } from './testing';

/** What the extension exports from `activate`, for other extensions (and, under `testing`, for its own tests). */
export interface SvcApi {
  readonly activityIds: readonly string[];
  readonly practiceIds: readonly string[];
  /** The Markdown preview's hook (`markdown.markdownItPlugins`): draws ```valuestream blocks. */
  extendMarkdownIt<T extends MarkdownIt>(md: T): T;
  /** Views into the running features for the extension's own tests (see src/testing.ts); not a stable API. */
  readonly testing: SvcTestingApi;
}

export function createApi(extendMarkdownIt: SvcApi['extendMarkdownIt'], testing: SvcTestingApi): SvcApi {
  return {
    activityIds: ACTIVITIES.map((activity) => activity.id),
    practiceIds: PRACTICES.map((practice) => practice.id),
    extendMarkdownIt,
    testing,
  };
}
