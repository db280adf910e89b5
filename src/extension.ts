import * as vscode from 'vscode';
import { createApi, type SvcApi } from './api';
import { MarkdownTemplateCompletion } from './features/markdownTemplateCompletion';
import { ValueStreamCodeActions } from './features/valueStreamCodeActions';
import { ValueStreamCommands } from './features/valueStreamCommands';
import { ValueStreamCompletion } from './features/valueStreamCompletion';
import { ValueStreamDiagnostics } from './features/valueStreamDiagnostics';
import { ValueStreamDocuments } from './features/valueStreamDocuments';
import { ValueStreamHover } from './features/valueStreamHover';
import { ValueStreamRename } from './features/valueStreamRename';
import { ValueStreamSymbols } from './features/valueStreamSymbols';
import { Walkthrough } from './features/walkthrough';

export function activate(context: vscode.ExtensionContext): SvcApi {
  const activationStarted = performance.now();
  context.subscriptions.push(new Walkthrough());
  const valueStreams = new ValueStreamDocuments();
  context.subscriptions.push(new ValueStreamDiagnostics(valueStreams));
  context.subscriptions.push(new ValueStreamCompletion(valueStreams));
  context.subscriptions.push(new ValueStreamSymbols(valueStreams));
  context.subscriptions.push(new ValueStreamCodeActions(valueStreams));
  context.subscriptions.push(new ValueStreamRename(valueStreams));
  context.subscriptions.push(new ValueStreamHover(valueStreams));
  context.subscriptions.push(new ValueStreamCommands());
  context.subscriptions.push(new MarkdownTemplateCompletion());
  return createApi({ activationMs: performance.now() - activationStarted });
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
