import * as vscode from 'vscode';

/** Closes every editor, discarding unsaved changes, so no "save changes?" dialog interrupts the suite. */
export async function closeAllEditorsWithoutSaving(): Promise<void> {
  const inTabs = new Set(
    vscode.window.tabGroups.all.flatMap((group) =>
      group.tabs.flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : [])),
    ),
  );
  const dirty = vscode.workspace.textDocuments.filter((document) => document.isDirty && inTabs.has(document.uri.toString()));
  for (const document of dirty) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
