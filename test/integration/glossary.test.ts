import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SvcApi } from '../../src/api';
import { closeAllEditorsWithoutSaving } from './editors';
import { cardAt, cardTitleAt, flagged, terminologyDiagnostics } from './termProbes';
import { activateExtension, waitFor, workspaceUri } from './util';

const GLOSSARY = `version: 1
organisation: Contoso
terms:
  - name: Major incident review
    aliases: [MIR]
    definition: A meeting within five working days of every priority 1 incident.
    practices: [incident management]
overrides:
  - term: change enablement
    definition: Run by the Contoso change board every Tuesday.
    aliases: [CAB approval]
hide:
  - Value
  - Demand Management
  - service desk
preferredTerms:
  - use: service request
    insteadOf: [ticket]
    reason: Our catalogue speaks of requests.
`;

const BROKEN_ENTRIES = `version: 1
terms:
  - name: Runbook
    definition: How we run a service.
    practices: [incident managment]
    owner: ops
preferredTerms:
  - use: runbook
    insteadOf: [Runbook]
`;

const NOTES = 'After the MIR, open a ticket.\n\nEvery CAB approval counts. Value for money. Demand Management is old.\n\nIncident management, problem management and release management share one queue.\n';

async function practiceCompletions(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Value);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('Organisation glossary', function () {
  // Files written through the workspace reach the watcher after a moment; under load, several.
  this.timeout(90_000);

  let api: SvcApi;
  const glossaryUri = (): vscode.Uri => workspaceUri('.svc', 'glossary.yaml');
  const created: vscode.Uri[] = [];

  async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (!created.some((known) => known.toString() === uri.toString())) created.push(uri);
  }

  async function writeGlossary(text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(workspaceUri('.svc'));
    await writeFile(glossaryUri(), text);
  }

  async function deleteGlossary(): Promise<void> {
    await vscode.workspace.fs.delete(workspaceUri('.svc'), { recursive: true }).then(undefined, () => undefined);
  }

  /** Waits until the extension reads a document in the workspace with (or without) a glossary. */
  async function glossaryApplied(organisation: string | undefined): Promise<void> {
    await waitFor(async () => {
      await api.testing.glossary.ready();
      return api.testing.glossary.termsFor(workspaceUri('any.md')).glossary.organisation === organisation;
    }, organisation ? `the ${organisation} glossary to apply` : 'the built-in terms to apply', 30_000);
  }

  suiteSetup(async () => {
    ({ api } = await activateExtension());
    await deleteGlossary();
    await glossaryApplied(undefined);
  });

  teardown(async () => {
    await closeAllEditorsWithoutSaving();
    await deleteGlossary();
  });

  suiteTeardown(async () => {
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('a glossary written into the folder changes hovers, diagnostics and completion; deleting it brings the built-ins back', async () => {
    const notesUri = workspaceUri('glossary-notes.md');
    await writeFile(notesUri, NOTES);
    const notes = await vscode.workspace.openTextDocument(notesUri);
    await vscode.window.showTextDocument(notes);
    const streamUri = workspaceUri('glossary-test.valuestream.yaml');
    await writeFile(streamUri, 'valueStream: Glossary test\nsteps:\n  - id: fix\n    activity: deliver-and-support\n    practices: []\n');
    const stream = await vscode.workspace.openTextDocument(streamUri);
    const practicesPosition = new vscode.Position(4, '    practices: ['.length);

    // Built-in terms only: in notes about incidents, problems and releases, the CAB is likely the old change board.
    await flagged(notes, ['CAB', 'Demand Management']);
    assert.equal(await cardTitleAt(notes, 'MIR'), undefined);
    assert.equal(await cardTitleAt(notes, 'Value'), '### Value');
    assert.ok((await practiceCompletions(streamUri, practicesPosition)).some((item) => labelOf(item) === 'service desk'));

    await writeGlossary(GLOSSARY);
    await glossaryApplied('Contoso');
    await flagged(notes, ['ticket']);
    const ticket = terminologyDiagnostics(notesUri)[0];
    assert.equal(ticket?.code, 'svc/preferred-term');
    assert.equal(ticket?.message, 'The Contoso glossary says “service request”, not “ticket”. Our catalogue speaks of requests.');

    const organisationCard = await cardAt(notes, 'MIR');
    assert.match(organisationCard ?? '', /^### Major incident review/);
    assert.match(organisationCard ?? '', /Contoso term \(from the workspace glossary\)/);
    assert.match(organisationCard ?? '', /A meeting within five working days/);
    assert.match(organisationCard ?? '', /\[Incident management\]\(command:svc\.revealInValueChain/);
    const overridden = await cardAt(notes, 'CAB approval');
    assert.match(overridden ?? '', /^### Change enablement/);
    assert.match(overridden ?? '', /\*\*Contoso definition:\*\* Run by the Contoso change board every Tuesday\./);
    assert.equal(await cardTitleAt(notes, 'Value'), undefined);
    assert.match((await cardAt(notes, 'ticket')) ?? '', /say “service request” instead/);

    const items = await practiceCompletions(streamUri, practicesPosition);
    assert.ok(!items.some((item) => labelOf(item) === 'service desk'), 'a hidden practice is not offered');
    const change = items.find((item) => labelOf(item) === 'change enablement');
    assert.match(change?.filterText ?? '', /CAB approval/);
    assert.match((change?.documentation as vscode.MarkdownString | undefined)?.value ?? '', /Contoso definition/);
    assert.match(items.find((item) => labelOf(item) === 'incident management')?.filterText ?? '', /Major incident review/);
    assert.equal(stream.languageId, 'valuestream');

    await deleteGlossary();
    await glossaryApplied(undefined);
    await flagged(notes, ['CAB', 'Demand Management']);
    assert.equal(await cardTitleAt(notes, 'MIR'), undefined);
    assert.equal(await cardTitleAt(notes, 'Value'), '### Value');
    assert.ok((await practiceCompletions(streamUri, practicesPosition)).some((item) => labelOf(item) === 'service desk'));
  });

  test('a practice hovered in a value-stream file shows the glossary\'s definition, once', async () => {
    const streamUri = workspaceUri('glossary-hover.valuestream.yaml');
    await writeFile(streamUri, 'valueStream: Glossary hover\nsteps:\n  - id: approve\n    activity: plan\n    practices: [change enablement]\n');
    await writeGlossary(GLOSSARY);
    await glossaryApplied('Contoso');
    const stream = await vscode.workspace.openTextDocument(streamUri);
    await vscode.window.showTextDocument(stream);
    const offset = stream.getText().indexOf('change enablement');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', streamUri, stream.positionAt(offset + 1));
    const cards = hovers
      .flatMap((hover) => hover.contents)
      .filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString && content.value.startsWith('### '));
    assert.equal(cards.length, 1, `one card, not ${cards.length}`);
    assert.match(cards[0]?.value ?? '', /^### Change enablement/);
    assert.match(cards[0]?.value ?? '', /\*\*Contoso definition:\*\* Run by the Contoso change board every Tuesday\./);
  });

  test('bad entries get diagnostics in the glossary file itself; the good ones still apply', async () => {
    await writeGlossary(BROKEN_ENTRIES);
    const glossary = await vscode.workspace.openTextDocument(glossaryUri());
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(glossaryUri()).filter((diagnostic) => diagnostic.source === 'SVC glossary');
      return found.length >= 3 ? found : undefined;
    }, 'glossary diagnostics', 30_000);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, glossary.getText(diagnostic.range), diagnostic.severity]),
      [
        ['svc/glossary-unknown-practice', 'incident managment', vscode.DiagnosticSeverity.Warning],
        ['svc/glossary-unknown-key', 'owner', vscode.DiagnosticSeverity.Warning],
        ['svc/glossary-rule-conflict', 'Runbook', vscode.DiagnosticSeverity.Error],
      ],
    );
    assert.match(diagnostics[0].message, /Did you mean “Incident management”\?/);
    const runbook = api.testing.glossary.termsFor(workspaceUri('any.md')).glossary.terms.map((term) => term.name);
    assert.deepEqual(runbook, ['Runbook']);

    // Editing the open glossary re-reads it as you type.
    const editor = await vscode.window.showTextDocument(glossary);
    await editor.edit((builder) => builder.replace(diagnostics[0].range, 'incident management'));
    await waitFor(
      () => !vscode.languages.getDiagnostics(glossaryUri()).some((diagnostic) => diagnostic.code === 'svc/glossary-unknown-practice'),
      'the fixed entry to lose its diagnostic',
      30_000,
    );
    assert.ok(glossary.isDirty, 'the diagnostic went before the file was saved');
    // The workbench may auto-save it first: either way it ends up saved.
    await glossary.save();
    await waitFor(() => !glossary.isDirty, 'the glossary to be saved');

    await closeAllEditorsWithoutSaving();
    await deleteGlossary();
    await waitFor(() => vscode.languages.getDiagnostics(glossaryUri()).length === 0, 'glossary diagnostics to clear', 30_000);
  });

  test('front matter `svc: off` switches the checker and hovers off for that file only', async () => {
    const body = 'Change Management meets weekly.\n';
    const offUri = workspaceUri('glossary-front-matter-off.md');
    const onUri = workspaceUri('glossary-front-matter-on.md');
    await writeFile(offUri, `---\ntitle: Change Management notes\nsvc: off\n---\n${body}`);
    await writeFile(onUri, `---\ntitle: Change Management notes\n---\n${body}`);
    const on = await vscode.workspace.openTextDocument(onUri);
    await vscode.window.showTextDocument(on);
    const off = await vscode.workspace.openTextDocument(offUri);
    const editor = await vscode.window.showTextDocument(off);

    // Where the file is on, its title is read as prose as well as its body.
    await flagged(on, ['Change Management', 'Change Management']);
    assert.deepEqual(terminologyDiagnostics(onUri).map((diagnostic) => diagnostic.range.start.line), [1, 3]);
    assert.match((await cardAt(on, 'Management meets')) ?? '', /^### Change Management/);
    await flagged(off, []);
    assert.equal(await cardAt(off, 'Management meets'), undefined);

    await editor.edit((builder) => builder.replace(new vscode.Range(2, 0, 3, 0), ''));
    await flagged(off, ['Change Management', 'Change Management']);
    assert.match((await cardAt(off, 'Management meets')) ?? '', /^### Change Management/);
  });
});
