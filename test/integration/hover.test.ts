import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceUri } from './util';
import { resetWorkspaceSettings, restoreWorkspaceSettingsAfterSuite } from './settings';

/** The position of the first occurrence of `needle` (plus `delta` characters) in a document. */
function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in ${document.uri.toString()}`);
  return document.positionAt(offset + delta);
}

/** Our cards among the hovers at a position (other extensions may add their own). */
async function cardsAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ markdown: vscode.MarkdownString; hover: vscode.Hover }[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((hover) =>
    hover.contents
      .filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString)
      .filter((content) => /^### /.test(content.value))
      .map((markdown) => ({ markdown, hover })),
  );
}

async function onlyCardAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ markdown: vscode.MarkdownString; hover: vscode.Hover }> {
  const cards = await cardsAt(document, position);
  assert.equal(cards.length, 1, `expected one ITIL card, got ${cards.length}: ${cards.map((card) => card.markdown.value.split('\n')[0]).join(' | ')}`);
  return cards[0];
}

async function updateSetting(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('Hover cards', function () {
  // Settings writes and debounced checks take seconds when other builds share the machine.
  this.timeout(60_000);
  restoreWorkspaceSettingsAfterSuite();

  let proposal: vscode.TextDocument;

  suiteSetup(async function () {
    // The first hover waits for the workbench to finish loading, which takes long on a busy machine.
    this.timeout(90_000);
    await activateExtension();
    proposal = await vscode.workspace.openTextDocument(workspaceUri('proposal.md'));
    await vscode.window.showTextDocument(proposal);
    await cardsAt(proposal, positionOf(proposal, 'Service Desk'));
  });

  teardown(async () => {
    await resetWorkspaceSettings('svc.hover', ['enabled', 'languages']);
  });

  test('a practice card: name, group, purpose, Foundation markers, activities, aliases and command links', async () => {
    const { markdown, hover } = await onlyCardAt(proposal, positionOf(proposal, '**Incident management**', 5));
    assert.match(markdown.value, /^### Incident management/);
    assert.match(markdown.value, /Service management practice \(ITIL 4 §5\.2\.5\)/);
    assert.match(markdown.value, /Limits the harm incidents do/);
    assert.match(markdown.value, /`Foundation: purpose examinable` `Foundation: studied in detail`/);
    assert.match(markdown.value, /<span style="color:var\(--vscode-svc-activity-engage\);">■<\/span> Engage/);
    assert.match(markdown.value, /IM \(ambiguous\)/);
    assert.match(markdown.value, /\[Show in Value Chain\]\(command:svc\.revealInValueChain\?%5B%22incident-management%22%5D/);
    assert.match(markdown.value, /\[Open SVC Diagram\]\(command:svc\.openDiagram/);
    assert.equal(markdown.supportHtml, true);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['svc.revealInValueChain', 'svc.openDiagram'] });
    const range = hover.range;
    assert.ok(range);
    assert.equal(proposal.getText(range), 'Incident management');
  });

  test('an activity card, whichever written form the document uses', async () => {
    for (const written of ['Obtain/Build', 'Deliver & Support', 'Deliver and Support']) {
      const { markdown, hover } = await onlyCardAt(proposal, positionOf(proposal, written, 1));
      const title = written.startsWith('Obtain') ? 'Obtain/Build' : 'Deliver & Support';
      assert.match(markdown.value, new RegExp(`^### <span style="color:var\\(--vscode-svc-activity-\\w+\\);">■</span> ${title.replace('/', '\\/')}`), written);
      assert.match(markdown.value, /\| Inputs \| Outputs \|/);
      assert.equal(hover.range && proposal.getText(hover.range), written);
    }
  });

  test('Plan, Improve and Engage get a card where they name the activity, none where they are verbs', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'We plan to improve the form.\n\n## Plan\n\nThe plan activity feeds Improve.\n' });
    assert.deepEqual(await cardsAt(document, positionOf(document, 'plan to', 1)), [], 'the verb "plan"');
    assert.deepEqual(await cardsAt(document, positionOf(document, 'improve the', 1)), [], 'the verb "improve"');
    assert.match((await onlyCardAt(document, positionOf(document, 'Plan\n', 1))).markdown.value, /Plan/);
    assert.match((await onlyCardAt(document, positionOf(document, 'Improve.', 1))).markdown.value, /Improve/);
  });

  test('a multi-word name wrapped across lines gets one card over the whole name', async () => {
    const { markdown, hover } = await onlyCardAt(proposal, positionOf(proposal, 'performance management with trend', 2));
    assert.match(markdown.value, /^### Capacity and performance management/);
    assert.equal(hover.range && proposal.getText(hover.range), 'capacity and\n   performance management');
  });

  test('a concept card and a guiding principle card', async () => {
    const swarming = await onlyCardAt(proposal, positionOf(proposal, 'swarming'));
    assert.match(swarming.markdown.value, /^### Swarming\n\n\*ITIL 4 key concept\*/);
    const principle = await onlyCardAt(proposal, positionOf(proposal, '*Start where you are*', 3));
    assert.match(principle.markdown.value, /^### Start where you are\n\n\*ITIL 4 guiding principle\*/);
  });

  test('a legacy card says what ITIL 4 uses instead', async () => {
    const rename = await onlyCardAt(proposal, positionOf(proposal, 'Request Fulfilment', 10));
    assert.match(rename.markdown.value, /^### Request Fulfilment/);
    assert.match(rename.markdown.value, /ITIL v3\/2011 name — ITIL 4 uses “service request management”/);
    const split = await onlyCardAt(proposal, positionOf(proposal, 'Service Asset and Configuration Management'));
    assert.match(split.markdown.value, /ITIL 4 uses “IT asset management” and “service configuration management”/);
  });

  test('the longest name wins: "Monitoring and event management" is a practice, not the old "Event Management"', async () => {
    const { markdown } = await onlyCardAt(proposal, positionOf(proposal, 'event management** —', 1));
    assert.match(markdown.value, /^### Monitoring and event management/);
  });

  test('plain words next to a name get no card', async () => {
    assert.deepEqual(await cardsAt(proposal, positionOf(proposal, 'Interviews')), []);
  });

  test('svc.hover.enabled and svc.hover.languages switch cards off', async () => {
    const position = positionOf(proposal, 'Request Fulfilment');
    await updateSetting('svc.hover', 'enabled', false);
    await waitFor(async () => (await cardsAt(proposal, position)).length === 0, 'cards to stop with hovers disabled');
    await updateSetting('svc.hover', 'enabled', undefined);
    await waitFor(async () => (await cardsAt(proposal, position)).length === 1, 'cards to return');
    await updateSetting('svc.hover', 'languages', ['plaintext']);
    await waitFor(async () => (await cardsAt(proposal, position)).length === 0, 'no cards in Markdown when only plain text is listed');
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'We still say Request Fulfilment here.' });
    assert.match((await onlyCardAt(plain, positionOf(plain, 'Fulfilment'))).markdown.value, /^### Request Fulfilment/);
  });

  test('a value-stream document: cards in free text, and one card (not two) on a step field', async () => {
    const stream = await vscode.workspace.openTextDocument(workspaceUri('onboarding.valuestream.yaml'));
    const title = await onlyCardAt(stream, positionOf(stream, 'service request management]', 8));
    assert.match(title.markdown.value, /^### Service request management/);
    const free = await vscode.workspace.openTextDocument({
      language: 'valuestream',
      content: 'valueStream: Restore service\ndescription: Swarming on a major incident until the service desk confirms\nsteps: []\n',
    });
    assert.match((await onlyCardAt(free, positionOf(free, 'major incident', 3))).markdown.value, /^### Major incident/);
  });
});
