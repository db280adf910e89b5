// The getting-started walkthrough's buttons in the real host. They are clicked while the walkthrough page is the
// active editor, so they act on a document the user worked in lately: the one with outdated terms, the one that
// defines a value stream; with no such document they change nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditorsWithoutSaving } from './editors';
import { activateExtension, waitFor } from './util';

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'ITIL 4');
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('svc.valueStreamPreview'));
}

let untitledCount = 0;

async function openUntitled(language: 'markdown' | 'valuestream', content: string): Promise<vscode.TextDocument> {
  untitledCount++;
  const uri = vscode.Uri.parse(`untitled:walkthrough-test-${untitledCount}.${language === 'markdown' ? 'md' : 'valuestream.yaml'}`);
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
  return document;
}

suite('Getting-started walkthrough buttons', function () {
  this.timeout(60_000);

  suiteSetup(async () => {
    await activateExtension();
    // Earlier suites' documents and previews would be what "the user worked on last".
    await closeAllEditorsWithoutSaving();
  });

  teardown(async () => {
    await closeAllEditorsWithoutSaving();
  });

  test('"Replace All Outdated Terms" fixes the sample even when another document was active after it', async () => {
    const sample = (await vscode.commands.executeCommand<vscode.TextEditor>('svc.walkthrough.openSample')).document;
    await waitFor(() => ourDiagnostics(sample.uri).length > 0, 'findings in the sample');
    const streamText = 'valueStream: Quiet\nsteps:\n  - id: only\n    activity: engage\n';
    const stream = await openUntitled('valuestream', streamText);
    await vscode.commands.executeCommand('svc.walkthrough.replaceOutdatedTerms');
    await waitFor(() => !sample.getText().includes('Change Management'), 'the sample rewritten');
    assert.match(sample.getText(), /Changes go through change enablement/i);
    assert.equal(stream.getText(), streamText, 'the value stream is untouched');
    assert.equal(vscode.window.activeTextEditor?.document, sample, 'the rewritten document is brought to the front');
  });

  test('"Open Preview to the Side" previews the value stream worked on last, and nothing without one', async () => {
    assert.equal(previewTabs().length, 0, 'no preview is open yet');
    await vscode.commands.executeCommand('svc.walkthrough.openSample');
    await vscode.commands.executeCommand('svc.walkthrough.openPreview');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(previewTabs().length, 0, 'the sample defines no value stream: no preview');

    await openUntitled('valuestream', 'valueStream: Laptop\nsteps:\n  - id: ask\n    activity: engage\n');
    await vscode.commands.executeCommand('svc.walkthrough.openSample');
    await vscode.commands.executeCommand('svc.walkthrough.openPreview');
    const [tab] = await waitFor(() => (previewTabs().length > 0 ? previewTabs() : undefined), 'a preview tab');
    assert.match(tab?.label ?? '', /walkthrough-test-\d+\.valuestream\.yaml/);
  });
});
