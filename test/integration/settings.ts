import * as vscode from 'vscode';
import { workspaceUri } from './util';

/**
 * Tests that change workspace settings write `.vscode/settings.json` in the workspace folder: put back what was
 * there before the suite (or remove the file it created).
 */
export function restoreWorkspaceSettingsAfterSuite(): void {
  let before: Uint8Array | undefined;
  suiteSetup(async () => {
    before = await vscode.workspace.fs.readFile(workspaceUri('.vscode', 'settings.json')).then(
      (content) => content,
      () => undefined,
    );
  });
  suiteTeardown(async () => {
    const settings = workspaceUri('.vscode', 'settings.json');
    if (before) {
      await vscode.workspace.fs.writeFile(settings, before);
      return;
    }
    await vscode.workspace.fs.delete(settings).then(undefined, () => undefined);
    const folder = workspaceUri('.vscode');
    const left = await vscode.workspace.fs.readDirectory(folder).then((entries) => entries, () => undefined);
    if (left && left.length === 0) await vscode.workspace.fs.delete(folder);
  });
}

/** Removes the workspace value of each setting the test changed; leaves the others alone (writing is slow). */
export async function resetWorkspaceSettings(section: string, keys: readonly string[]): Promise<void> {
  const configuration = vscode.workspace.getConfiguration(section);
  for (const key of keys) {
    if (configuration.inspect(key)?.workspaceValue !== undefined) {
      await configuration.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
  }
}
