import * as vscode from 'vscode';
import { EXAMPLE_TEMPLATES, NEW_STREAM_TEMPLATES, type ValueStreamTemplate } from '../../model/valueStreams';
import { VALUE_STREAM_LANGUAGE } from './valueStreamDocuments';

/** Arguments the commands accept from command links, the walkthrough and tests; without them they ask. */
export interface NewValueStreamArgs {
  readonly template?: string;
  readonly target?: 'untitled' | 'workspace';
  /** File name without the `.valuestream.yaml` ending, for `target: 'workspace'`. */
  readonly name?: string;
}

const FILE_ENDING = '.valuestream.yaml';
/** Set once the user has created a value stream from a template: completes that walkthrough step. */
export const VALUE_STREAM_CREATED_CONTEXT = 'svc.valueStreamCreated';

/** SVC: New Value Stream… and SVC: Open Example Value Stream… */
export class ValueStreamCommands implements vscode.Disposable {
  private readonly registrations: vscode.Disposable[];

  constructor() {
    this.registrations = [
      vscode.commands.registerCommand('svc.newValueStream', async (args?: NewValueStreamArgs) => {
        const editor = await this.newValueStream(args);
        if (editor) void vscode.commands.executeCommand('setContext', VALUE_STREAM_CREATED_CONTEXT, true);
        return editor;
      }),
      vscode.commands.registerCommand('svc.openExample', (exampleId?: string) => this.openExample(exampleId)),
    ];
  }

  private async newValueStream(args: NewValueStreamArgs = {}): Promise<vscode.TextEditor | undefined> {
    const template = NEW_STREAM_TEMPLATES.find((candidate) => candidate.id === args.template) ?? (await pickTemplate(NEW_STREAM_TEMPLATES, vscode.l10n.t('Start a value stream from a template')));
    if (!template) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const target = args.target ?? (folder ? await pickTarget() : 'untitled');
    if (!target) return undefined;
    if (target === 'untitled' || !folder) return openUntitled(template, true);
    return this.saveInWorkspace(folder, template, args.name);
  }

  private async saveInWorkspace(folder: vscode.WorkspaceFolder, template: ValueStreamTemplate, givenName: string | undefined): Promise<vscode.TextEditor | undefined> {
    const name =
      givenName ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('New value stream file'),
        prompt: vscode.l10n.t('File name in {0}; {1} is added', folder.name, FILE_ENDING),
        value: template.id === 'blank' ? 'new-value-stream' : template.id,
        validateInput: fileNameProblem,
        ignoreFocusOut: true,
      }));
    if (name === undefined) return undefined;
    const problem = fileNameProblem(name);
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
    const uri = vscode.Uri.joinPath(folder.uri, `${name}${FILE_ENDING}`);
    if (await exists(uri)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; choose another name.', vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(template.text));
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document);
  }

  private async openExample(exampleId?: string): Promise<vscode.TextEditor | undefined> {
    const example = EXAMPLE_TEMPLATES.find((candidate) => candidate.id === exampleId) ?? (await pickTemplate(EXAMPLE_TEMPLATES, vscode.l10n.t('Open an example value stream from the seed')));
    return example && openUntitled(example, false);
  }

  dispose(): void {
    for (const registration of this.registrations) registration.dispose();
  }
}

// The picks stay open when the focus moves: started from the walkthrough, the walkthrough page takes the focus
// back right after the click, which would close them before the user sees them.
async function pickTemplate(templates: readonly ValueStreamTemplate[], title: string): Promise<ValueStreamTemplate | undefined> {
  const picked = await vscode.window.showQuickPick(
    templates.map((template) => ({ label: template.label, description: template.description, template })),
    { title, placeHolder: vscode.l10n.t('Choose a template'), matchOnDescription: true, ignoreFocusOut: true },
  );
  return picked?.template;
}

async function pickTarget(): Promise<'untitled' | 'workspace' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: `$(new-file) ${vscode.l10n.t('Open as untitled document')}`, target: 'untitled' as const },
      { label: `$(save) ${vscode.l10n.t('Save in workspace…')}`, description: vscode.l10n.t('creates <name>{0}', FILE_ENDING), target: 'workspace' as const },
    ],
    { title: vscode.l10n.t('Where should the value stream go?'), ignoreFocusOut: true },
  );
  return picked?.target;
}

async function openUntitled(template: ValueStreamTemplate, withTabStops: boolean): Promise<vscode.TextEditor> {
  if (!withTabStops) {
    const document = await vscode.workspace.openTextDocument({ language: VALUE_STREAM_LANGUAGE, content: template.text });
    return vscode.window.showTextDocument(document);
  }
  const document = await vscode.workspace.openTextDocument({ language: VALUE_STREAM_LANGUAGE, content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(template.snippet), new vscode.Position(0, 0));
  return editor;
}

function fileNameProblem(name: string): string | undefined {
  if (name.trim() === '') return vscode.l10n.t('Enter a file name.');
  if (/[\\/:*?"<>|]/.test(name)) return vscode.l10n.t('A file name cannot contain \\ / : * ? " < > |.');
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
