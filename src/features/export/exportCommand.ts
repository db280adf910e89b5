/** Registers SVC: Export Document… at activation; the export itself (run/) loads on first use. */
import * as vscode from 'vscode';
import type { GlossaryService } from '../glossary';
import { runDocumentExport, type ExportOutcome } from './run';

const EXPORT_DOCUMENT_COMMAND = 'svc.exportDocument';

export class ExportDocumentCommand implements vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(context: vscode.ExtensionContext, glossary: GlossaryService) {
    const services = { extensionUri: context.extensionUri, workspaceState: context.workspaceState, glossary };
    this.registration = vscode.commands.registerCommand(
      EXPORT_DOCUMENT_COMMAND,
      // Scripts and tests may pass `ExportCommandOptions` to skip the questions; the Explorer passes its selection.
      (resource?: unknown, options?: unknown): Promise<ExportOutcome | undefined> => runDocumentExport(services, resource, options),
    );
  }

  dispose(): void {
    this.registration.dispose();
  }
}
