/**
 * Which ITIL edition the views and cards follow: the `svc.edition` setting where a user or workspace sets it, else
 * the `edition` of the workspace's checks configuration (`.svc/config.yaml`), else ITIL 4. The `svc.edition` context
 * key carries the edition in force to the manifest's `when` clauses.
 */
import * as vscode from 'vscode';
import { getEdition, type EditionData, type EditionId } from '../../model/itil/editions';
import type { ConfigService } from '../checks';
import { explicitSetting } from '../shared';

export const EDITION_SETTING = 'svc.edition';
const EDITION_CONTEXT = 'svc.edition';

/** The configuration's edition, while a WorkspaceEdition follows it. */
let configuredEdition: EditionId | undefined;
const configuredEditionListeners = new Set<() => void>();

export function currentEdition(): EditionData {
  return getEdition(explicitSetting<string>('svc', 'edition') ?? configuredEdition);
}

/** Calls `listener` with the edition in force whenever the setting or the configuration's edition changes. */
export function onDidChangeEdition(listener: (edition: EditionData) => void): vscode.Disposable {
  const notify = (): void => listener(currentEdition());
  configuredEditionListeners.add(notify);
  const settingListener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(EDITION_SETTING)) notify();
  });
  return new vscode.Disposable(() => {
    configuredEditionListeners.delete(notify);
    settingListener.dispose();
  });
}

/** Makes the workspace configuration's edition count, and keeps the `svc.edition` context key on the edition in force. */
export class WorkspaceEdition implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(configs: Pick<ConfigService, 'workspaceEdition' | 'onDidChange'>) {
    const follow = (): void => {
      const edition = configs.workspaceEdition();
      if (edition === configuredEdition) return;
      configuredEdition = edition;
      for (const listener of configuredEditionListeners) listener();
    };
    const showInContext = (edition: EditionData): void => void vscode.commands.executeCommand('setContext', EDITION_CONTEXT, edition.id);
    this.disposables = [configs.onDidChange(follow), onDidChangeEdition(showInContext)];
    follow();
    showInContext(currentEdition());
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    configuredEdition = undefined;
  }
}
