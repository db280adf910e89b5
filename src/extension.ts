import * as vscode from 'vscode';
import { createApi, explorerApi, type SvcApi } from './api';
import { DetailsPanel } from './features/detailsPanel';
import { ExplorerCommands } from './features/explorerCommands';
import { ExplorerViews } from './features/explorerViews';
import { FindCommand } from './features/findCommand';
import { ValueStreamsView } from './features/valueStreamsView';
import { Walkthrough } from './features/walkthrough';

export function activate(context: vscode.ExtensionContext): SvcApi {
  const activationStarted = performance.now();
  context.subscriptions.push(new Walkthrough());
  const details = new DetailsPanel(context.extensionUri);
  const explorer = new ExplorerViews();
  const valueStreams = new ValueStreamsView();
  context.subscriptions.push(details, explorer, valueStreams, new ExplorerCommands(explorer, details), new FindCommand(explorer, details));
  return createApi({ activationMs: performance.now() - activationStarted }, { explorer: explorerApi(explorer, valueStreams, details) });
}

export function deactivate(): void {
  // Every feature is disposed through context.subscriptions.
}
