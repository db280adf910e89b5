import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE_STREAMS } from '../../src/model/itil/exampleStreams';
import { activateExtension, waitFor, workspaceUri } from './util';

const BROKEN = `valueStream: Broken
steps:
  - id: report
    activity: engag
    practices: [Request Fulfilment]
  - id: restore
    activity: deliver-and-support
    after: [reprot]
`;

let untitledCount = 0;

/**
 * A fresh untitled document with `content`. Each gets its own name: reusing "Untitled-1" right after closing
 * another one can hand the extension host the old document's close event for the new one.
 */
async function openUntitled(language: 'valuestream' | 'markdown', content: string): Promise<vscode.TextEditor> {
  untitledCount += 1;
  const name = `svc-test-${Date.now()}-${untitledCount}${language === 'markdown' ? '.md' : '.valuestream.yaml'}`;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: name }));
  const editor = await vscode.window.showTextDocument(document);
  assert.equal(document.languageId, language, `language of ${name}`);
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
  return editor;
}

function positionOf(document: vscode.TextDocument, text: string, occurrence = 0, delta = 0): vscode.Position {
  let index = -1;
  for (let count = 0; count <= occurrence; count += 1) index = document.getText().indexOf(text, index + 1);
  assert.ok(index >= 0, `"${text}" not in the document`);
  return document.positionAt(index + delta);
}

function codesOf(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'svc')
    .map((diagnostic) => String(diagnostic.code))
    .sort();
}

/** Labels of the completion items at `position`, optionally only those of one kind (snippet files add their own). */
async function completionLabels(uri: vscode.Uri, position: vscode.Position, trigger?: string, kind?: vscode.CompletionItemKind): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list.items
    .filter((item) => kind === undefined || item.kind === kind)
    .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('Value-stream language', function () {
  // The first Markdown document starts VS Code's Markdown extension, which takes a while on a busy machine.
  this.timeout(90_000);

  suiteSetup(async () => {
    await activateExtension();
    await openUntitled('markdown', '# Warm-up\n');
    await closeAllEditors();
  });

  teardown(closeAllEditors);

  test('value-stream files in the workspace get the valuestream language and no findings when clean', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('incident-resolution.valuestream.yaml'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'valuestream');
    // Wait until the checker ran: it sets an (empty) entry, and a finding would show up at the same time.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(codesOf(document.uri), []);
  });

  test('diagnostics appear as you type, follow edits and clear when the document closes', async () => {
    const editor = await openUntitled('valuestream', BROKEN);
    const uri = editor.document.uri;
    const codes = await waitFor(() => (codesOf(uri).length >= 3 ? codesOf(uri) : undefined), 'value-stream diagnostics', 30_000);
    assert.deepEqual(codes, ['svc/legacy-practice', 'svc/unknown-activity', 'svc/unknown-step-reference']);
    const unknown = vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnostic.code === 'svc/unknown-activity');
    assert.equal(editor.document.getText(unknown?.range), 'engag');
    assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknown?.message ?? '', /Did you mean `engage`\?/);

    await editor.edit((builder) => builder.replace(unknown?.range ?? new vscode.Range(0, 0, 0, 0), 'engage'));
    await waitFor(() => !codesOf(uri).includes('svc/unknown-activity'), 'the fixed finding to disappear');
    assert.deepEqual(codesOf(uri), ['svc/legacy-practice', 'svc/unknown-step-reference']);

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => codesOf(uri).length === 0, 'diagnostics to clear after closing', 15_000);
  });

  test('```valuestream blocks in Markdown are checked with ranges in the Markdown document', async () => {
    const editor = await openUntitled('markdown', `# Notes\n\nSome prose.\n\n\`\`\`valuestream\n${BROKEN}\`\`\`\n\n\`\`\`yaml\nactivity: engag\n\`\`\`\n`);
    const uri = editor.document.uri;
    await waitFor(() => codesOf(uri).length >= 3, 'Markdown block diagnostics', 30_000);
    const unknown = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'svc/unknown-activity');
    assert.equal(unknown.length, 1, 'only the valuestream block is checked');
    assert.equal(editor.document.getText(unknown[0]?.range), 'engag');
    assert.equal(unknown[0]?.range.start.line, 8);
  });

  test('quick fixes replace did-you-mean and ITIL v3 names', async () => {
    const editor = await openUntitled('valuestream', BROKEN);
    const uri = editor.document.uri;
    await waitFor(() => codesOf(uri).length >= 3, 'diagnostics', 30_000);
    for (const [text, title] of [
      ['engag', 'Change to `engage` (Engage)'],
      ['Request Fulfilment', 'Change to `service request management` (ITIL 4)'],
      ['reprot', 'Change to `report`'],
    ] as const) {
      const start = positionOf(editor.document, text);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(start, start.translate(0, text.length)),
        vscode.CodeActionKind.QuickFix.value,
      );
      const action = actions.find((candidate) => candidate.title === title);
      assert.ok(action?.edit, `no "${title}" among ${actions.map((candidate) => candidate.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
    }
    assert.match(editor.document.getText(), /activity: engage\n/);
    assert.match(editor.document.getText(), /practices: \[service request management\]/);
    assert.match(editor.document.getText(), /after: \[report\]/);
    await waitFor(() => codesOf(uri).length === 0, 'every finding fixed');
  });

  test('completion offers fields, activities, practices and step ids', async () => {
    const editor = await openUntitled('valuestream', 'valueStream: Draft\nsteps:\n  - id: report\n    activity: \n    practices: [service desk, ]\n  - id: restore\n    after: []\n    \n');
    const { document } = editor;
    const activities = await completionLabels(document.uri, positionOf(document, 'activity: ', 0, 'activity: '.length), ' ', vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(activities, ['plan', 'improve', 'engage', 'design-and-transition', 'obtain-build', 'deliver-and-support']);
    const practices = await completionLabels(document.uri, positionOf(document, 'desk, ', 0, 'desk, '.length), ' ', vscode.CompletionItemKind.Value);
    assert.ok(practices.includes('incident management'), practices.join(', '));
    assert.ok(practices.includes('IT asset management'));
    assert.ok(!practices.includes('service desk'), 'practices already listed are not offered again');
    assert.equal(practices.length, 33);
    const references = await completionLabels(document.uri, positionOf(document, 'after: [', 0, 'after: ['.length), '[', vscode.CompletionItemKind.Reference);
    assert.deepEqual(references, ['report']);
    const fields = await completionLabels(document.uri, new vscode.Position(7, 4), undefined, vscode.CompletionItemKind.Property);
    assert.deepEqual(fields.sort(), ['activity', 'duration', 'lag', 'practices', 'title']);
  });

  test('completion works inside a Markdown block but not in its prose', async () => {
    const editor = await openUntitled('markdown', 'Prose activity: \n\n```valuestream\nvalueStream: x\nsteps:\n  - id: a\n    activity: \n```\n');
    const { document } = editor;
    const inBlock = await completionLabels(document.uri, positionOf(document, 'activity: ', 1, 'activity: '.length), ' ');
    assert.ok(inBlock.includes('deliver-and-support'), inBlock.join(', '));
    const inProse = await completionLabels(document.uri, positionOf(document, 'activity: ', 0, 'activity: '.length), ' ');
    assert.ok(!inProse.includes('deliver-and-support'), inProse.join(', '));
  });

  test('Markdown offers the value-stream templates after ``` and "valuestream", not when closing a fence', async () => {
    const editor = await openUntitled('markdown', '# Doc\n\nvaluestream\n\n```yaml\na: 1\n```\n\n```\n');
    const { document } = editor;
    const afterWord = await completionLabels(document.uri, new vscode.Position(2, 11), 'm');
    assert.ok(afterWord.includes('```valuestream block'), afterWord.join(', '));
    const closingFence = await completionLabels(document.uri, new vscode.Position(6, 3), '`');
    assert.ok(!closingFence.includes('```valuestream block'), `typing the closing fence of another block offers no template: ${closingFence.join(', ')}`);
    const afterFence = await completionLabels(document.uri, new vscode.Position(8, 3), '`');
    assert.ok(afterFence.includes('```valuestream block'), afterFence.join(', '));
    assert.ok(afterFence.includes('SVC activity table'));
    assert.ok(afterFence.includes('```valuestream: Incident resolution'));
  });

  test('document symbols list streams with their steps', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      workspaceUri('incident-resolution.valuestream.yaml'),
    );
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['Incident resolution', 'Major incident']);
    assert.deepEqual(symbols[0]?.children.map((step) => step.name), ['report', 'restore', 'review']);
    assert.equal(symbols[0]?.children[1]?.detail, 'Deliver & Support · Diagnose and restore the service');
    assert.equal(symbols[0]?.kind, vscode.SymbolKind.Namespace);
    const markdown = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', workspaceUri('consulting-notes.md'));
    assert.ok(!markdown.some((symbol) => symbol.name === 'Password reset'), 'Markdown keeps its own outline');
  });

  test('renaming a step id updates every after that names it', async () => {
    const source = EXAMPLE_STREAMS[0]?.source ?? '';
    const editor = await openUntitled('valuestream', source);
    const { document } = editor;
    const onReference = positionOf(document, 'after: [design]', 0, 'after: ['.length + 1);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', document.uri, onReference);
    assert.equal(prepared.placeholder, 'design');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, onReference, 'solution');
    assert.equal(edit.get(document.uri).length, 2);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(document.getText(), /- id: solution\n/);
    assert.match(document.getText(), /after: \[solution\]/);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, onReference, 'plan')),
      /already has the id `plan`/,
    );
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', document.uri, positionOf(document, 'title'))),
      /Only step ids can be renamed/,
    );
  });

  test('hovers show ITIL cards for activities and practices, and help for fields', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('onboarding.valuestream.yaml'));
    const hoverText = async (position: vscode.Position): Promise<string> => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      return hovers
        .flatMap((hover) => hover.contents)
        .map((content) => (typeof content === 'string' ? content : content.value))
        .join('\n');
    };
    assert.match(await hoverText(positionOf(document, 'obtain-build', 0, 2)), /Obtain\/Build/);
    assert.match(await hoverText(positionOf(document, 'supplier management', 0, 2)), /Supplier management/);
    const practiceHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'supplier management', 0, 2));
    assert.equal(practiceHovers.length, 1, 'one card per practice: the prose hover and the value-stream hover do not repeat each other');
    assert.match(await hoverText(positionOf(document, 'lag:', 0, 1)), /overlaps the steps in `after`/);
  });

  test('SVC: New Value Stream… opens a template as an untitled valuestream document', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('svc.newValueStream', { template: 'incident-resolution', target: 'untitled' });
    assert.equal(editor.document.languageId, 'valuestream');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.getText(), EXAMPLE_STREAMS[1]?.source);
    assert.equal(editor.document.getText(editor.selection), 'Incident resolution', 'the name is the first tab stop');
  });

  test('SVC: New Value Stream… can save the template in the workspace', async () => {
    const name = `integration-${Date.now()}`;
    const uri = workspaceUri(`${name}.valuestream.yaml`);
    try {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('svc.newValueStream', { template: 'blank', target: 'workspace', name });
      assert.equal(editor.document.uri.toString(), uri.toString());
      assert.equal(editor.document.languageId, 'valuestream');
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(written, /^valueStream: Name of the scenario\n/);
      await waitFor(() => vscode.languages.getDiagnostics(uri), 'the new file to be checked');
      assert.deepEqual(codesOf(uri), []);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('SVC: Open Example Value Stream… opens the seed example', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('svc.openExample', 'service-request-fulfilment');
    assert.equal(editor.document.languageId, 'valuestream');
    assert.equal(editor.document.getText(), EXAMPLE_STREAMS[2]?.source);
  });
});
