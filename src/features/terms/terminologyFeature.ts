/**
 * The terminology checker as activation wires it: its commands are registered at once, and the checker itself
 * (diagnostics, quick fixes, the check) is created on the host's first turn after activation, or by the first
 * command that needs it before then. The checker loads through its seam, checker/index.ts.
 */
import * as vscode from 'vscode';
import type { ConfigService } from '../checks';
import type { GlossaryService } from '../glossary';
import { createTerminologyChecker, type TerminologyChecker } from './checker';
import { EXPLAIN_TERM_COMMAND, FIX_ALL_COMMAND, IGNORE_TERM_COMMAND } from './terminologyCommands';

export class TerminologyFeature implements vscode.Disposable {
  private checker: TerminologyChecker | undefined;
  private readonly start: ReturnType<typeof setTimeout>;
  private readonly commands: vscode.Disposable[];

  constructor(
    private readonly glossary: GlossaryService,
    private readonly configs: Pick<ConfigService, 'forDocument' | 'onDidChange'>,
  ) {
    this.commands = [
      vscode.commands.registerCommand(FIX_ALL_COMMAND, (uri?: vscode.Uri) => this.loaded().fixAll(uri)),
      vscode.commands.registerCommand(IGNORE_TERM_COMMAND, (term?: string) => this.loaded().ignoreTerm(term)),
      vscode.commands.registerCommand(EXPLAIN_TERM_COMMAND, (uri?: vscode.Uri, offset?: number) => this.loaded().explain(uri, offset)),
    ];
    this.start = setTimeout(() => this.loaded(), 0);
  }

  private loaded(): TerminologyChecker {
    this.checker ??= createTerminologyChecker(this.glossary, this.configs);
    return this.checker;
  }

  dispose(): void {
    clearTimeout(this.start);
    this.checker?.dispose();
    for (const command of this.commands) command.dispose();
  }
}
