import * as vscode from 'vscode';
import { createApi, type SvcApi } from './api';
import { Walkthrough } from './features/walkthrough';

export function activate(context: vscode.ExtensionContext): SvcApi {
  const activationStarted = performance.now();
  context.subscriptions.push(new Walkthrough());
  return createApi({ activationMs: performance.now() - activationStarted });
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
