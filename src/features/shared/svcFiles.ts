/**
 * The files of a workspace's `.svc/` folders (the glossary, the checks configuration) as the editor keeps them:
 * watched, read as the writer sees them, and their own problems shown in them.
 */
import * as vscode from 'vscode';
import type { LineMap, TextRange } from '../../model/documents';
import type { FindingSeverity } from '../../model/valueStreams';
import { DELAYS_MS } from './delays';
import { DIAGNOSTIC_SEVERITIES } from './diagnosticSeverities';
import { DocumentDebouncer } from './documentDebouncer';

/**
 * Calls `changed` with the URI of a file at `svcPath` (`.svc/<name>`) below any workspace folder when it is created,
 * changed or deleted on disk (its `.svc` folder deleted too), edited in an editor (once typing pauses), or closed
 * with its unsaved edits dropped. `isKnown` says which open documents are such files.
 */
export function watchSvcFiles(svcPath: string, isKnown: (uri: vscode.Uri) => boolean, changed: (uri: vscode.Uri) => void): vscode.Disposable {
  const folderName = svcPath.slice(0, svcPath.lastIndexOf('/'));
  const fileName = svcPath.slice(svcPath.lastIndexOf('/') + 1);
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${svcPath}`);
  // Deleting or renaming the `.svc` folder may be reported for the folder only, not for the file in it.
  const folderWatcher = vscode.workspace.createFileSystemWatcher(`**/${folderName}`, true, true, false);
  const edits = new DocumentDebouncer(DELAYS_MS.afterTyping);
  return vscode.Disposable.from(
    watcher,
    folderWatcher,
    edits,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
    folderWatcher.onDidDelete((folder) => changed(vscode.Uri.joinPath(folder, fileName))),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (isKnown(event.document.uri)) edits.schedule(event.document.uri, () => changed(event.document.uri));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      // Unsaved edits are gone: the file on disk counts again.
      if (isKnown(document.uri)) changed(document.uri);
    }),
  );
}

/** A file's text as the writer sees it: unsaved edits in an editor win over the disk. Undefined when there is none. */
export async function readEditedText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open && !open.isClosed && open.isDirty) return open.getText();
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // No such file (or it cannot be read): the caller's defaults apply.
    return undefined;
  }
}

/** A finding of a reader that gives offsets, in a text that has no TextDocument (the file is often not open). */
export function findingDiagnostic(
  lines: LineMap,
  finding: { readonly range: TextRange; readonly message: string; readonly severity: FindingSeverity; readonly code: string },
  source: string,
): vscode.Diagnostic {
  const position = (offset: number): vscode.Position => {
    const { line, character } = lines.positionAt(offset);
    return new vscode.Position(line, character);
  };
  const diagnostic = new vscode.Diagnostic(new vscode.Range(position(finding.range.start), position(finding.range.end)), finding.message, DIAGNOSTIC_SEVERITIES[finding.severity]);
  diagnostic.source = source;
  diagnostic.code = finding.code;
  return diagnostic;
}
