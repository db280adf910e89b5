import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SvcApi } from '../../src/api';
import type { ExplorerNode } from '../../src/model/explorer/explorerTree';
import { closeAllEditorsWithoutSaving } from './editors';
import { resetWorkspaceSettings, restoreWorkspaceSettingsAfterSuite } from './settings';
import { activateExtension, waitFor, workspaceUri } from './util';

const NOTES = 'Our Change Management board meets on Tuesdays.\n';
const STREAM = 'valueStream: Config test\nsteps:\n  - id: request\n    activity: engage\n  - id: fix\n    activity: deliver-and-support\n    after: [request]\n    owner: ops\n';
const SOURCES: Readonly<Record<string, string>> = { 'ITIL 4': 'terminology', svc: 'value stream', 'SVC config': 'config', 'SVC glossary': 'glossary' };
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;

/** Our diagnostics of a file as "kind code severity «text»", in order. */
function described(uri: vscode.Uri, text: string): string[] {
  const lines = text.split('\n');
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => typeof diagnostic.source === 'string' && diagnostic.source in SOURCES)
    .map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const covered = start.line === end.line ? (lines[start.line] ?? '').slice(start.character, end.character) : '…';
      return `${SOURCES[diagnostic.source ?? '']} ${String(diagnostic.code)} ${SEVERITY_NAMES[diagnostic.severity]} «${covered}»`;
    });
}

/** Waits until a file's diagnostics are `expected` (see `described`). */
async function diagnosed(uri: vscode.Uri, text: string, expected: string[]): Promise<void> {
  let last: string[] = [];
  try {
    await waitFor(() => {
      last = described(uri, text);
      return JSON.stringify(last) === JSON.stringify(expected);
    }, `diagnostics ${JSON.stringify(expected)} on ${uri.path}`, 30_000);
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

const LEGACY = (severity: string): string => `terminology svc/legacy-term ${severity} «Change Management»`;
const OWNER = (severity: string): string => `value stream svc/unknown-field ${severity} «owner»`;

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function practiceGroups(api: SvcApi): Promise<string[]> {
  const provider = api.testing.explorer.practices;
  const groups: ExplorerNode[] = (await provider.getChildren()) ?? [];
  return Promise.all(groups.map(async (group) => label(await provider.getTreeItem(group))));
}

suite('Checks configuration (.svc/config.yaml) in the editor', function () {
  // Files written through the workspace reach the watcher after a moment; under load, several.
  this.timeout(120_000);
  restoreWorkspaceSettingsAfterSuite();

  let api: SvcApi;
  const written: vscode.Uri[] = [];
  const configUri = (...folder: string[]): vscode.Uri => workspaceUri(...folder, '.svc', 'config.yaml');

  async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    written.push(uri);
  }

  /** Writes a configuration and waits until the extension checks `probe` with it. */
  async function writeConfig(text: string, probe: vscode.Uri, applied: (config: ReturnType<SvcApi['testing']['configs']['forDocument']>) => boolean, ...folder: string[]): Promise<void> {
    await writeFile(configUri(...folder), text);
    await waitFor(async () => {
      await api.testing.configs.ready();
      return applied(api.testing.configs.forDocument(probe));
    }, `the configuration in ${folder.join('/') || 'the workspace folder'} to apply`, 30_000);
  }

  async function openFile(relativePath: string, text: string): Promise<vscode.TextDocument> {
    const uri = workspaceUri(...relativePath.split('/'));
    await writeFile(uri, text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  async function removeConfigs(): Promise<void> {
    for (const folder of [[], ['nested']]) {
      await vscode.workspace.fs.delete(workspaceUri(...folder, '.svc'), { recursive: true }).then(undefined, () => undefined);
    }
    await waitFor(async () => {
      await api.testing.configs.ready();
      const { config } = api.testing.configs.forDocument(workspaceUri('nested', 'any.md'));
      return config.severity.size === 0 && config.ignore.length === 0 && config.edition === undefined;
    }, 'no configuration to apply', 30_000);
  }

  suiteSetup(async () => {
    ({ api } = await activateExtension());
    await removeConfigs();
  });

  teardown(async () => {
    await closeAllEditorsWithoutSaving();
    await resetWorkspaceSettings('svc', ['edition']);
    await resetWorkspaceSettings('svc.terminology', ['severity']);
    await removeConfigs();
  });

  suiteTeardown(async () => {
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    for (const folder of ['nested', 'drafts']) await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true }).then(undefined, () => undefined);
  });

  test('a severity per code changes the diagnostic, and a code switched off has none and no fix', async () => {
    const notes = await openFile('config-notes.md', NOTES);
    const stream = await openFile('config-test.valuestream.yaml', STREAM);
    await diagnosed(notes.uri, NOTES, [LEGACY('warning')]);
    await diagnosed(stream.uri, STREAM, [OWNER('warning')]);

    await writeConfig('version: 1\nseverity:\n  svc/legacy-term: error\n  svc/unknown-field: hint\n', notes.uri, ({ config }) => config.severity.size === 2);
    await diagnosed(notes.uri, NOTES, [LEGACY('error')]);
    await diagnosed(stream.uri, STREAM, [OWNER('hint')]);

    await writeConfig('version: 1\nseverity:\n  svc/legacy-term: off\n  svc/unknown-field: off\n', notes.uri, ({ config }) => config.severity.get('svc/legacy-term') === 'off');
    await diagnosed(notes.uri, NOTES, []);
    await diagnosed(stream.uri, STREAM, []);
    // What is not reported is not fixed either: "Replace all" leaves the switched-off name alone.
    assert.equal(await vscode.commands.executeCommand<number>('svc.terminology.fixAll', notes.uri), 0);
    assert.equal(notes.getText(), NOTES);
  });

  test('a likely finding stays information whatever severity the configuration gives its code', async () => {
    const text = 'Every change request goes to the CAB; Change Management publishes the change schedule.\n';
    const notes = await openFile('config-likely.md', text);
    await writeConfig('version: 1\nseverity:\n  svc/legacy-term: error\n', notes.uri, ({ config }) => config.severity.size === 1);
    await diagnosed(notes.uri, text, ['terminology svc/legacy-term information «CAB»', 'terminology svc/legacy-term error «Change Management»']);
  });

  test('files the configuration ignores get no diagnostics; the others keep theirs', async () => {
    const kept = await openFile('config-notes.md', NOTES);
    const draft = await openFile('drafts/old-notes.md', NOTES);
    const draftStream = await openFile('drafts/old.valuestream.yaml', STREAM);
    await diagnosed(draft.uri, NOTES, [LEGACY('warning')]);
    await diagnosed(draftStream.uri, STREAM, [OWNER('warning')]);

    await writeConfig('version: 1\nignore:\n  - drafts\n', draft.uri, ({ ignored }) => ignored);
    await diagnosed(draft.uri, NOTES, []);
    await diagnosed(draftStream.uri, STREAM, []);
    await diagnosed(kept.uri, NOTES, [LEGACY('warning')]);
    assert.equal(api.testing.configs.forDocument(kept.uri).ignored, false);
  });

  test('a broken configuration is shown in the file, and the editor goes on with what it can read', async () => {
    const notes = await openFile('config-notes.md', NOTES);
    await diagnosed(notes.uri, NOTES, [LEGACY('warning')]);

    const broken = 'version: 1\nseverity: {\n';
    await writeConfig(broken, notes.uri, () => true);
    await diagnosed(configUri(), broken, [`config svc/config-syntax error «»`]);
    await diagnosed(notes.uri, NOTES, [LEGACY('warning')]);

    const halfRight = 'version: 1\nseverity:\n  svc/legacy-term: loud\n  svc/unknown-field: error\nignore: drafts\n';
    await writeConfig(halfRight, notes.uri, ({ config }) => config.severity.get('svc/unknown-field') === 'error');
    await diagnosed(configUri(), halfRight, ['config svc/config-invalid error «loud»', 'config svc/config-invalid error «drafts»']);
    await diagnosed(notes.uri, NOTES, [LEGACY('warning')]);
  });

  test('editing the configuration updates open documents before it is saved; closing it unsaved goes back to the file', async () => {
    const notes = await openFile('config-notes.md', NOTES);
    await writeConfig('version: 1\nseverity:\n  svc/legacy-term: warning\n', notes.uri, ({ config }) => config.severity.size === 1);
    await diagnosed(notes.uri, NOTES, [LEGACY('warning')]);

    const config = await vscode.workspace.openTextDocument(configUri());
    const editor = await vscode.window.showTextDocument(config, { preview: false });
    const severity = config.getText().indexOf('warning');
    await editor.edit((builder) => builder.replace(new vscode.Range(config.positionAt(severity), config.positionAt(severity + 'warning'.length)), 'error'));
    assert.ok(config.isDirty);
    await diagnosed(notes.uri, NOTES, [LEGACY('error')]);

    await closeAllEditorsWithoutSaving();
    await vscode.window.showTextDocument(notes);
    await diagnosed(notes.uri, NOTES, [LEGACY('warning')]);
  });

  test('the nearest configuration above a document applies', async () => {
    const top = await openFile('config-notes.md', NOTES);
    const nested = await openFile('nested/notes.md', NOTES);
    await writeConfig('version: 1\nseverity:\n  svc/legacy-term: error\n', top.uri, ({ config }) => config.severity.size === 1);
    await writeConfig('version: 1\nseverity:\n  svc/legacy-term: information\n', nested.uri, ({ config }) => config.severity.get('svc/legacy-term') === 'information', 'nested');
    await diagnosed(top.uri, NOTES, [LEGACY('error')]);
    await diagnosed(nested.uri, NOTES, [LEGACY('information')]);
  });

  test('an explicitly set svc.terminology.severity wins over the configuration', async () => {
    const notes = await openFile('config-notes.md', NOTES);
    await writeConfig('version: 1\nseverity:\n  svc/legacy-term: error\n', notes.uri, ({ config }) => config.severity.size === 1);
    await diagnosed(notes.uri, NOTES, [LEGACY('error')]);
    await vscode.workspace.getConfiguration('svc.terminology').update('severity', 'hint', vscode.ConfigurationTarget.Workspace);
    await diagnosed(notes.uri, NOTES, [LEGACY('hint')]);
    await resetWorkspaceSettings('svc.terminology', ['severity']);
    await diagnosed(notes.uri, NOTES, [LEGACY('error')]);
  });

  test('the glossary\'s own problems take the severities the configuration gives them', async () => {
    const glossary = 'version: 1\nowner: ops\n';
    const glossaryUri = workspaceUri('.svc', 'glossary.yaml');
    await writeFile(glossaryUri, glossary);
    await diagnosed(glossaryUri, glossary, ['glossary svc/glossary-unknown-key warning «owner»']);
    await writeConfig('version: 1\nseverity:\n  svc/glossary-unknown-key: error\n', glossaryUri, ({ config }) => config.severity.size === 1);
    await diagnosed(glossaryUri, glossary, ['glossary svc/glossary-unknown-key error «owner»']);
  });

  test('the configuration\'s edition is the one the views follow, unless svc.edition is set', async () => {
    const itil4Groups = await practiceGroups(api);
    await writeConfig('version: 1\nedition: itil5\n', workspaceUri('any.md'), ({ config }) => config.edition === 'itil5');
    const itil5Groups = await waitFor(async () => {
      const groups = await practiceGroups(api);
      return groups.length === 2 ? groups : undefined;
    }, 'the ITIL (Version 5) practice groups', 30_000);
    assert.notDeepEqual(itil5Groups, itil4Groups);

    await vscode.workspace.getConfiguration('svc').update('edition', 'itil4', vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => JSON.stringify(await practiceGroups(api)) === JSON.stringify(itil4Groups), 'the ITIL 4 practice groups again', 30_000);
    await resetWorkspaceSettings('svc', ['edition']);
    await waitFor(async () => (await practiceGroups(api)).length === 2, 'the configuration\'s edition again', 30_000);

    await removeConfigs();
    await waitFor(async () => JSON.stringify(await practiceGroups(api)) === JSON.stringify(itil4Groups), 'ITIL 4 once the configuration is gone', 30_000);
  });
});
