import * as vscode from 'vscode';

/** Closes every editor, discarding unsaved changes, so no "save changes?" dialog interrupts the suite. */
export async function closeAllEditorsWithoutSaving(): Promise<void> {
  for (let guard = 0; guard < 50 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); guard += 1) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    if (!vscode.window.tabGroups.activeTabGroup.activeTab) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  }
}
