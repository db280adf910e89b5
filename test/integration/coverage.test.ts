import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoverageApi } from '../../src/testing';
import type { CoverageNode } from '../../src/features/coverage/coverageView';
import { closeAllEditorsWithoutSaving } from './editors';
import { activateExtension, waitFor } from './util';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function items(coverage: CoverageApi, node?: CoverageNode): Promise<{ node: CoverageNode; item: vscode.TreeItem }[]> {
  const children = (await coverage.provider.getChildren(node)) ?? [];
  return Promise.all(children.map(async (child) => ({ node: child, item: await coverage.provider.getTreeItem(child) })));
}

async function group(coverage: CoverageApi, name: string): Promise<{ node: CoverageNode; item: vscode.TreeItem }> {
  const found = (await items(coverage)).find((entry) => label(entry.item) === name);
  assert.ok(found, `no group "${name}"`);
  return found;
}

async function labelsUnder(coverage: CoverageApi, name: string): Promise<string[]> {
  return (await items(coverage, (await group(coverage, name)).node)).map((entry) => label(entry.item));
}

let untitledCount = 0;

/**
 * An untitled document with a name of its own: the web worker host may hand a reused "Untitled-N" the text of
 * the untitled document that had the name before (closed by the previous test).
 */
async function untitled(extension: 'md' | 'txt' | 'json', content: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `coverage-${Date.now()}-${untitledCount++}.${extension}` });
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit));
  // The edit can reach this host's copy of the document after applyEdit resolves: an editor shown before that
  // would show (and the view compute) the empty document first.
  await waitFor(() => document.getText() === content, 'the untitled document to hold its text');
  return document;
}

const DOCUMENT = [
  '# Laptop requests',
  '',
  'Users Engage the service desk, which logs a service request.',
  'Service request management fulfils it; the service desk keeps the user informed.',
  '',
].join('\n');

suite('Document Coverage view', () => {
  let coverage: CoverageApi;

  suiteSetup(async () => {
    coverage = (await activateExtension()).api.testing.coverage;
    // The view computes only while it is shown.
    await vscode.commands.executeCommand('svc.coverage.focus');
  });

  teardown(async function () {
    this.timeout(60_000);
    await closeAllEditorsWithoutSaving();
  });

  test('shows the active document’s activities, practices and the practices it leaves out, and follows edits', async function () {
    this.timeout(60_000);
    const document = await untitled('md', DOCUMENT);
    const editor = await vscode.window.showTextDocument(document);
    await waitFor(() => coverage.state()?.document === document, 'the coverage of the opened document');

    const groups = await items(coverage);
    assert.deepEqual(
      groups.map((entry) => `${label(entry.item)} ${String(entry.item.description)}`),
      ['Activities 1/6', 'Practices 2/34', `Not mentioned but usually involved ${coverage.state()?.coverage.unmentioned.length}`],
    );
    assert.deepEqual(await labelsUnder(coverage, 'Activities'), ['Engage']);
    assert.deepEqual(await labelsUnder(coverage, 'Practices'), ['Service desk', 'Service request management']);
    const missing = await labelsUnder(coverage, 'Not mentioned but usually involved');
    assert.deepEqual(missing.slice(0, 2), ['Relationship management', 'Service level management']);

    const desk = (await items(coverage, (await group(coverage, 'Practices')).node))[0];
    assert.equal(desk.item.description, '2× · line 3');
    const resolved = await coverage.provider.resolveTreeItem?.(desk.item, desk.node, new vscode.CancellationTokenSource().token);
    assert.ok(resolved?.tooltip instanceof vscode.MarkdownString, 'the tooltip is a Markdown card');
    assert.match(resolved.tooltip.value, /### Service desk/);

    await editor.edit((builder) => builder.insert(new vscode.Position(4, 0), 'Relationship management agrees the SLA. Improve reviews it.\n'));
    await waitFor(() => coverage.state()?.version === document.version, 'the coverage of the edited document', 5_000);
    assert.deepEqual(await labelsUnder(coverage, 'Activities'), ['Improve', 'Engage']);
    assert.ok((await labelsUnder(coverage, 'Practices')).includes('Relationship management'));
    assert.ok(!(await labelsUnder(coverage, 'Not mentioned but usually involved')).includes('Relationship management'));
  });

  test('selecting a mention selects its first occurrence in the editor', async function () {
    this.timeout(60_000);
    const document = await untitled('md', DOCUMENT);
    await vscode.window.showTextDocument(document);
    // Closing the previous test's editors may still be reported while this one opens: wait for the view to settle.
    const request = await waitFor(async () => {
      if (coverage.state()?.document !== document) return undefined;
      const practices = await items(coverage, (await group(coverage, 'Practices')).node);
      return practices.find((entry) => label(entry.item) === 'Service request management' && entry.item.command);
    }, 'the opened document’s practice with a command that selects its first mention');
    assert.ok(request.item.command);
    await vscode.window.showTextDocument(await untitled('txt', 'elsewhere'));
    await vscode.commands.executeCommand(request.item.command.command, ...(request.item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document, document);
    assert.equal(active.document.getText(active.selection), 'Service request management');
    assert.equal(active.selection.start.line, 3);
  });

  test('switching editors switches the document; an unsupported one leaves the view to its welcome message', async function () {
    this.timeout(60_000);
    const notes = await untitled('txt', 'We plan to improve how we engage. Plan covers the portfolio management review.');
    await vscode.window.showTextDocument(notes);
    // Closing the previous test's editors may still be reported while this one opens: wait for the view to settle.
    await waitFor(
      async () => coverage.state()?.document === notes && JSON.stringify(await labelsUnder(coverage, 'Activities')) === '["Plan"]',
      'the coverage of the plain text document (the verbs plan, improve and engage are not the activities)',
    );
    assert.deepEqual(await labelsUnder(coverage, 'Practices'), ['Portfolio management']);
    const json = await untitled('json', '{ "practice": "incident management" }');
    await vscode.window.showTextDocument(json);
    await waitFor(() => coverage.state() === undefined, 'the view to let go of the document');
    assert.deepEqual(await coverage.provider.getChildren(), []);
  });

  test('a hidden view computes nothing and catches up with the active document when shown again', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const document = await untitled('md', DOCUMENT);
    await vscode.window.showTextDocument(document);
    // Give the editor switch the time the debounced update would have taken.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.notEqual(coverage.state()?.document, document, 'the hidden view computed the coverage of a document it does not show');
    await vscode.commands.executeCommand('svc.coverage.focus');
    await waitFor(() => coverage.state()?.document === document, 'the coverage of the active document once the view is shown');
    assert.deepEqual(await labelsUnder(coverage, 'Activities'), ['Engage']);
  });
});
