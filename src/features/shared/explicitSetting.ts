/**
 * Settings that the checks configuration (`.svc/config.yaml`) also sets: the editor follows a setting only where a
 * user, workspace or folder sets it, and the file otherwise. A setting left at its default decides nothing.
 */
import * as vscode from 'vscode';

/** The value of `section.key` where it is set explicitly (at any level VS Code reads), else undefined. */
export function explicitSetting<T>(section: string, key: string, scope?: vscode.ConfigurationScope): T | undefined {
  const configuration = vscode.workspace.getConfiguration(section, scope);
  const inspected = configuration.inspect<T>(key);
  const levels = [
    inspected?.globalValue,
    inspected?.workspaceValue,
    inspected?.workspaceFolderValue,
    inspected?.globalLanguageValue,
    inspected?.workspaceLanguageValue,
    inspected?.workspaceFolderLanguageValue,
  ];
  return levels.some((value) => value !== undefined) ? configuration.get<T>(key) : undefined;
}
