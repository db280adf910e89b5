/** Runs an action for a document once changes to it pause: one timer per document, keyed by its URI. */
import type * as vscode from 'vscode';

export class DocumentDebouncer implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly delayMs: number) {}

  /** (Re)starts the document's timer: `action` runs `delayMs` after the last call for the same document. */
  schedule(uri: vscode.Uri, action: () => void): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        action();
      }, this.delayMs),
    );
  }

  /** Drops the document's pending action, if any. */
  cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  /** Drops every pending action. */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  dispose(): void {
    this.clear();
  }
}
