import * as vscode from 'vscode';

/** Closes every editor, discarding unsaved changes, so no "save changes?" dialog interrupts the suite. */
export async function closeAllEditorsWithoutSaving(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
