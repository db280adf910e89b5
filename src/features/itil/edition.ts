/** The `svc.edition` setting: which ITIL edition the views and cards follow. */
import * as vscode from 'vscode';
import { getEdition, type EditionData } from '../../model/itil/editions';

export const EDITION_SETTING = 'svc.edition';

export function currentEdition(): EditionData {
  return getEdition(vscode.workspace.getConfiguration('svc').get<string>('edition'));
}

/** Calls `listener` with the new edition whenever the setting changes. */
export function onDidChangeEdition(listener: (edition: EditionData) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(EDITION_SETTING)) listener(currentEdition());
  });
}
