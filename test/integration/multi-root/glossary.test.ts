// Runs only in the multi-root launch (`npm run test:integration -- --multi-root`): a workspace of two folders,
// alpha and beta, each with its own `.svc/glossary.yaml` (test/fixtures/multi-root, copied to a temporary folder).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SvcApi } from '../../../src/api';
import { closeAllEditorsWithoutSaving } from '../editors';
import { cardAt, flagged, terminologyDiagnostics } from '../termProbes';
import { activateExtension, waitFor } from '../util';

interface FolderCase {
  readonly folder: string;
  readonly organisation: string;
  readonly ownTerm: string;
  readonly otherTerm: string;
  readonly serviceDesk: RegExp;
  readonly otherServiceDesk: RegExp;
  readonly avoided: string;
  readonly preferred: string;
}

const ALPHA: FolderCase = {
  folder: 'alpha',
  organisation: 'Alpha',
  ownTerm: 'Morning huddle',
  otherTerm: 'Ops review',
  serviceDesk: /\*\*Alpha definition:\*\* The Alpha help line, open around the clock\./,
  otherServiceDesk: /Beta/,
  avoided: 'ticket',
  preferred: 'service request',
};

const BETA: FolderCase = {
  folder: 'beta',
  organisation: 'Beta',
  ownTerm: 'Ops review',
  otherTerm: 'Morning huddle',
  serviceDesk: /\*\*Beta definition:\*\* The Beta service point, staffed on working days only\./,
  otherServiceDesk: /Alpha/,
  avoided: 'outage',
  preferred: 'major incident',
};

function folderNamed(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(folder, `no workspace folder named ${name}`);
  return folder;
}

suite('Multi-root workspace: one glossary per folder', function () {
  this.timeout(90_000);
  let api: SvcApi;

  suiteSetup(async () => {
    ({ api } = await activateExtension());
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((folder) => folder.name),
      ['alpha', 'beta'],
      'the launch opens the two-folder workspace',
    );
    await waitFor(async () => {
      await api.testing.glossary.ready();
      return ['alpha', 'beta'].every(
        (name) => api.testing.glossary.termsFor(vscode.Uri.joinPath(folderNamed(name).uri, 'notes.md')).glossary.organisation === (name === 'alpha' ? 'Alpha' : 'Beta'),
      );
    }, 'both folders’ glossaries', 30_000);
  });

  teardown(async () => {
    await closeAllEditorsWithoutSaving();
  });

  for (const { folder, organisation, ownTerm, otherTerm, serviceDesk, otherServiceDesk, avoided, preferred } of [ALPHA, BETA]) {
    test(`a document in ${folder} gets ${organisation}'s terms and rules, not the other folder's`, async () => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folderNamed(folder).uri, 'notes.md'));
      await vscode.window.showTextDocument(document);

      const own = await cardAt(document, ownTerm);
      assert.match(own ?? '', new RegExp(`^### ${ownTerm}`));
      assert.match(own ?? '', new RegExp(`${organisation} term \\(from the workspace glossary\\)`));
      assert.equal(await cardAt(document, otherTerm), undefined, `${otherTerm} belongs to the other folder`);
      const desk = await cardAt(document, 'service desk');
      assert.match(desk ?? '', serviceDesk);
      assert.doesNotMatch(desk ?? '', otherServiceDesk);

      await flagged(document, [avoided]);
      const [finding] = terminologyDiagnostics(document.uri);
      assert.equal(finding?.code, 'svc/preferred-term');
      assert.equal(finding?.message, `The ${organisation} glossary says “${preferred}”, not “${avoided}”.`);
    });
  }
});
