import * as vscode from 'vscode';
import { createApi, type SvcApi } from './api';

export function activate(_context: vscode.ExtensionContext): SvcApi {
  const api = createApi();
  return api;
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
