// Runs only in the multi-root launch (`npm run test:integration -- --multi-root`): alpha and beta each have their own
// `.svc/config.yaml` (test/fixtures/multi-root). Alpha's says `edition: itil5` and makes preferred-term findings
// errors; beta's says `edition: itil4` and leaves its drafts folder out.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SvcApi } from '../../../src/api';
import { closeAllEditorsWithoutSaving } from '../editors';
import { flagged, terminologyDiagnostics } from '../termProbes';
import { activateExtension, waitFor } from '../util';

function fileIn(folderName: string, ...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === folderName);
  assert.ok(folder, `no workspace folder named ${folderName}`);
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

suite('Multi-root workspace: one checks configuration per folder', function () {
  this.timeout(90_000);
  let api: SvcApi;

  suiteSetup(async () => {
    ({ api } = await activateExtension());
    await waitFor(async () => {
      await api.testing.configs.ready();
      return ['alpha', 'beta'].every((name) => api.testing.configs.forDocument(fileIn(name, 'notes.md')).config.edition !== undefined);
    }, 'both folders’ configurations', 30_000);
  });

  teardown(async () => {
    await closeAllEditorsWithoutSaving();
  });

  test('a folder\'s severities apply to its own documents only', async () => {
    const alpha = await open(fileIn('alpha', 'notes.md'));
    const beta = await open(fileIn('beta', 'notes.md'));
    await flagged(alpha, ['ticket']);
    await flagged(beta, ['outage']);
    assert.deepEqual(terminologyDiagnostics(alpha.uri).map((diagnostic) => diagnostic.severity), [vscode.DiagnosticSeverity.Error]);
    assert.deepEqual(terminologyDiagnostics(beta.uri).map((diagnostic) => diagnostic.severity), [vscode.DiagnosticSeverity.Warning]);
  });

  test('a folder\'s ignore patterns leave out its own files only', async () => {
    const alphaDraft = await open(fileIn('alpha', 'drafts', 'notes.md'));
    const betaDraft = await open(fileIn('beta', 'drafts', 'notes.md'));
    await flagged(alphaDraft, ['Change Management']);
    assert.equal(api.testing.configs.forDocument(betaDraft.uri).ignored, true);
    assert.equal(api.testing.configs.forDocument(alphaDraft.uri).ignored, false);
    await flagged(betaDraft, []);
  });

  test('the views follow the first folder\'s edition', async () => {
    const provider = api.testing.explorer.practices;
    const groups = await waitFor(async () => {
      const found = (await provider.getChildren()) ?? [];
      return found.length === 2 ? found : undefined;
    }, 'the two practice groups of ITIL (Version 5), from alpha', 30_000);
    const labels = await Promise.all(groups.map(async (group) => (await provider.getTreeItem(group)).label));
    assert.deepEqual(labels, ['General management (12)', 'Product and service management (22)']);
  });
});
