/**
 * How long the host waits after the last change before it reacts, in milliseconds, by what it then does. Typing
 * never waits for a check: each of these restarts with every change.
 */
export const DELAYS_MS = {
  /** Checking prose for outdated terms, re-reading an edited glossary, recounting Document Coverage. */
  afterTyping: 300,
  /** Checking a value stream and redrawing its preview: sooner, so a drawing keeps up with the writer. */
  afterValueStreamEdit: 250,
  /** Gathering file events and edits into one re-read of the workspace's value streams. */
  workspaceEvents: 250,
  /** Merging reloads of the Value Streams view, which a document opened and closed in quick succession can overlap. */
  viewRefresh: 150,
} as const;
