// The figures of value streams in the real extension host: the unit field (completion, check, quick fix), the
// figures on hover of a stream's name (files and Markdown blocks), on the Value Streams view's rows, and in the
// preview (its strip, the critical path in both diagrams, a change of duration followed live).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SvcApi } from '../../src/api';
import type { RenderReport } from '../../src/model/diagrams/diagramProtocol';
import { settledReport } from './diagramReports';
import { closeAllEditorsWithoutSaving } from './editors';
import { activateExtension, waitFor, workspaceUri } from './util';

/** Two parallel branches: `long` decides the lead time, `short` has 2 days of slack. */
const BRANCHES = `valueStream: Access request
unit: days
trigger: A new starter needs access
outcome: The starter can work
steps:
  - id: ask
    activity: engage
    title: Ask for access
  - id: long
    activity: design-and-transition
    title: Design the role
    duration: 3
  - id: short
    activity: obtain-build
    title: Order the laptop
    after: [ask]
  - id: grant
    activity: deliver-and-support
    title: Grant and hand over
    after: [long, short]
`;

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

async function hoverAt(document: vscode.TextDocument, text: string, delta = 2): Promise<string> {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is in the document`);
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + delta)));
}

/** Waits until the preview of `uri` has drawn and `accept` holds, returning that report. */
function previewReport(api: SvcApi, uri: vscode.Uri, accept: (report: RenderReport) => boolean, description: string): Promise<RenderReport> {
  return settledReport(() => api.testing.diagrams.inspectValueStreamPreview(uri), accept, description);
}

suite('Value-stream metrics in the editor', function () {
  this.timeout(240_000);
  let api: SvcApi;
  const file = (): vscode.Uri => workspaceUri('metrics-branches.valuestream.yaml');
  const markdown = (): vscode.Uri => workspaceUri('metrics-notes.md');

  suiteSetup(async () => {
    ({ api } = await activateExtension());
    await vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(BRANCHES));
    await vscode.workspace.fs.writeFile(markdown(), new TextEncoder().encode(`# Access\n\nHow access is granted.\n\n\`\`\`valuestream\n${BRANCHES}\`\`\`\n`));
  });

  suiteTeardown(async function () {
    this.timeout(60_000);
    await closeAllEditorsWithoutSaving();
    for (const uri of [file(), markdown()]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('hovering a stream’s name shows its figures, in a file and in a Markdown block', async () => {
    for (const uri of [file(), markdown()]) {
      const document = await vscode.workspace.openTextDocument(uri);
      const text = await hoverAt(document, 'Access request');
      assert.match(text, /\*\*Access request\*\*/, uri.path);
      assert.match(text, /Lead time: 5 days/, uri.path);
      assert.match(text, /Work: 6 days/, uri.path);
      assert.match(text, /Waiting: 0 days/, uri.path);
      assert.match(text, /Flow efficiency: 100%/, uri.path);
      assert.match(text, /Critical path: ask → long → grant/, uri.path);
      assert.match(text, /Time per activity: Engage 1 day · Design & Transition 3 days · Obtain\/Build 1 day · Deliver & Support 1 day/, uri.path);
    }
  });

  test('unit: completes the units, and an unknown unit is a warning with the closest unit as a quick fix', async () => {
    const document = await vscode.workspace.openTextDocument(file());
    const editor = await vscode.window.showTextDocument(document);
    const unitAt = document.getText().indexOf('unit: days') + 'unit: '.length;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(unitAt), ' ');
    const units = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Unit).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.deepEqual(units, ['minutes', 'hours', 'days', 'weeks', 'months']);

    assert.match(await hoverAt(document, 'unit: days', 1), /What `duration` and `lag` count in this stream/);

    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(unitAt), document.positionAt(unitAt + 'days'.length)), 'dyas'));
    const diagnostic = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).find((candidate) => candidate.code === 'svc/unknown-unit'),
      'the unknown unit to be reported',
      30_000,
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const fix = actions.find((action) => action.title === 'Change to `days`');
    assert.ok(fix?.edit, `a quick fix; offered: ${actions.map((action) => action.title).join(', ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    assert.ok(document.getText().includes('unit: days'));
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((candidate) => candidate.code === 'svc/unknown-unit'), 'the warning to clear', 30_000);
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  test('the Value Streams view shows the lead time on a stream’s row, the figures in its tooltip, and each step’s timing and slack', async () => {
    const explorer = api.testing.explorer;
    await explorer.valueStreams.settled();
    const source = await waitFor(
      async () => (await explorer.valueStreams.getChildren(undefined)).find((node) => node.kind === 'source' && node.source.key === file().toString()),
      'the file in the view',
      30_000,
    );
    const [stream] = await explorer.valueStreams.getChildren(source);
    assert.ok(stream?.kind === 'stream');
    const item = explorer.valueStreams.getTreeItem(stream);
    assert.equal(item.description, '4 steps · lead time 5 days');
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip);
    assert.match(tooltip, /Critical path: ask → long → grant/);
    assert.match(tooltip, /\*Trigger:\* A new starter needs access/);
    const steps = await explorer.valueStreams.getChildren(stream);
    const tooltips = steps.map((step) => String(explorer.valueStreams.getTreeItem(step).tooltip));
    assert.match(tooltips[1] ?? '', /^long · Design & Transition\n1 to 4 days · critical$/);
    assert.match(tooltips[2] ?? '', /^short · Obtain\/Build\n1 to 2 days · slack 2 days$/);
  });

  test('the preview shows the figures above the diagrams, the critical path in both, and follows a new duration', async () => {
    const document = await vscode.workspace.openTextDocument(file());
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('svc.openPreviewToSide');
    const shown = await previewReport(api, file(), (report) => report.diagrams.length === 1 && report.metrics !== '', 'the preview with its figures');
    assert.match(shown.metrics, /Lead time\s+5 days/i);
    assert.match(shown.metrics, /Critical path\s+ask → long → grant/i);
    assert.deepEqual(shown.criticalNodes, ['vs0_s0', 'vs0_s1', 'vs0_s3'], 'the flowchart marks ask, long and grant');

    const durationAt = document.getText().indexOf('duration: 3') + 'duration: '.length;
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(durationAt), document.positionAt(durationAt + 1)), '0.5'));
    const edited = await previewReport(api, file(), (report) => /Lead time\s+3 days/i.test(report.metrics), 'the figures of the new duration');
    assert.match(edited.metrics, /Critical path\s+ask → short → grant/i, 'the laptop is now on the critical path');
    assert.deepEqual(edited.criticalNodes, ['vs0_s0', 'vs0_s2', 'vs0_s3']);
    await vscode.commands.executeCommand('undo');
    await previewReport(api, file(), (report) => /Lead time\s+5 days/i.test(report.metrics), 'the figures after undo');
  });
});
