import * as vscode from 'vscode';
import { createApi, type SvcApi } from './api';
import { TermHoverFeature } from './features/hover';
import { TerminologyFeature } from './features/terminology';

export function activate(context: vscode.ExtensionContext): SvcApi {
  const api = createApi();
  context.subscriptions.push(new TermHoverFeature());
  context.subscriptions.push(new TerminologyFeature());
  return api;
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
