import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/testing';
import type { StreamTreeNode } from '../../src/features/valueStreams/view/valueStreamsView';
import { closeAllEditorsWithoutSaving } from './editors';
import { activateExtension, isWebHost, waitFor, workspaceUri } from './util';

const STREAM_FILE = `valueStream: Integration onboarding
description: Created by the integration test
steps:
  - id: ask
    activity: engage
    title: New starter asks for access
  - id: grant
    activity: deliver-and-support
    title: Grant the access
  - id: learn
    activity: improve
    title: Learn from the request
`;

const MARKDOWN_FILE = `# Access process

Prose about the process.

\`\`\`valuestream
valueStream: Integration access review
steps:
  - id: review
    activity: plan
    title: Review who has access
\`\`\`
`;

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/**
 * Writes or deletes a file the way another program would: straight on disk in the Node host (so only the file
 * watcher can notice), through the workspace file system in the web worker host.
 */
async function writeOnDisk(uri: vscode.Uri, text: string): Promise<void> {
  if (isWebHost()) {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return;
  }
  const fs = await import('node:fs/promises');
  await fs.writeFile(uri.fsPath, text, 'utf8');
}

async function deleteOnDisk(uri: vscode.Uri): Promise<void> {
  if (isWebHost()) {
    // Like `rm --force`: a file that is already gone is fine (the suite's setup and teardown clean up anyway).
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (exists) await vscode.workspace.fs.delete(uri);
    return;
  }
  const fs = await import('node:fs/promises');
  await fs.rm(uri.fsPath, { force: true });
}

/** File watcher events and tree refreshes take seconds, not milliseconds, when the machine is busy. */
const WATCH_TIMEOUT_MS = 30_000;

suite('Explorer: Value Streams view', function () {
  this.timeout(90_000);
  let explorer: ExplorerApi;
  const streamUri = (): vscode.Uri => workspaceUri('integration-onboarding.valuestream.yaml');
  const markdownUri = (): vscode.Uri => workspaceUri('integration-access.md');

  async function roots(): Promise<StreamTreeNode[]> {
    return explorer.valueStreams.getChildren(undefined);
  }

  async function sourceNode(uri: vscode.Uri): Promise<StreamTreeNode | undefined> {
    return (await roots()).find((node) => node.kind === 'source' && node.source.key === uri.toString());
  }

  suiteSetup(async () => {
    explorer = (await activateExtension()).api.testing.explorer;
    // A run that was cut short may have left its files behind.
    for (const uri of [streamUri(), markdownUri()]) {
      await deleteOnDisk(uri);
    }
    await explorer.valueStreams.settled();
  });

  suiteTeardown(async function () {
    this.timeout(60_000);
    await closeAllEditorsWithoutSaving();
    for (const uri of [streamUri(), markdownUri()]) {
      await deleteOnDisk(uri);
    }
  });

  test('a value-stream file created on disk appears with its steps in activity colours, and goes when deleted', async () => {
    await writeOnDisk(streamUri(), STREAM_FILE);
    const source = await waitFor(() => sourceNode(streamUri()), 'the new file in the view', WATCH_TIMEOUT_MS);
    const [stream] = await explorer.valueStreams.getChildren(source);
    assert.ok(stream?.kind === 'stream');
    assert.equal(label(explorer.valueStreams.getTreeItem(stream)), 'Integration onboarding');
    const steps = await explorer.valueStreams.getChildren(stream);
    const items = steps.map((step) => explorer.valueStreams.getTreeItem(step));
    assert.deepEqual(items.map(label), ['New starter asks for access', 'Grant the access', 'Learn from the request']);
    assert.deepEqual(
      items.map((item) => (item.iconPath as vscode.ThemeIcon).color?.id),
      ['svc.activity.engage', 'svc.activity.deliverAndSupport', 'svc.activity.improve'],
    );
    assert.deepEqual(explorer.valueStreams.getParent(steps[0] as StreamTreeNode), stream);

    await deleteOnDisk(streamUri());
    await waitFor(async () => (await sourceNode(streamUri())) === undefined, 'the deleted file to leave the view', WATCH_TIMEOUT_MS);
  });

  test('a Markdown file with a valuestream block is listed; the examples group sits after the workspace streams', async () => {
    await writeOnDisk(markdownUri(), MARKDOWN_FILE);
    const source = await waitFor(() => sourceNode(markdownUri()), 'the Markdown file in the view', WATCH_TIMEOUT_MS);
    const [stream] = await explorer.valueStreams.getChildren(source);
    assert.ok(stream?.kind === 'stream');
    assert.equal(stream.stream.name, 'Integration access review');
    assert.equal(explorer.valueStreams.getTreeItem(stream).description, '1 step · lead time 1 unit');
    const all = await roots();
    assert.equal(all.at(-1)?.kind, 'examples');
    const examples = await explorer.valueStreams.getChildren(all.at(-1));
    assert.deepEqual(
      examples.map((node) => label(explorer.valueStreams.getTreeItem(node))),
      ['New service deployment', 'Incident resolution', 'Service request fulfilment'],
    );
  });

  test('binary and huge files are skipped without an error', async () => {
    const binary = workspaceUri('integration-binary.md');
    const huge = workspaceUri('integration-huge.md');
    const pad = `${'Filler prose. '.repeat(80)}\n`.repeat(3000);
    try {
      await writeOnDisk(binary, `\u0000\u0001\u0002${MARKDOWN_FILE}`);
      await writeOnDisk(huge, `${MARKDOWN_FILE}\n${pad}`);
      await writeOnDisk(streamUri(), STREAM_FILE);
      // The value-stream file written last proves the watcher events for the other two were handled too.
      await waitFor(() => sourceNode(streamUri()), 'the value-stream file in the view', WATCH_TIMEOUT_MS);
      await explorer.valueStreams.settled();
      assert.equal(await sourceNode(binary), undefined, 'binary file listed');
      assert.equal(await sourceNode(huge), undefined, 'huge file listed');
    } finally {
      await deleteOnDisk(binary);
      await deleteOnDisk(huge);
    }
  });

  test('unsaved edits in an open document update the view without touching the disk', async () => {
    const source = await waitFor(() => sourceNode(markdownUri()), 'the Markdown file in the view', WATCH_TIMEOUT_MS);
    assert.ok(source);
    const document = await vscode.workspace.openTextDocument(markdownUri());
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    const nameLine = document.lineAt(5);
    edit.replace(document.uri, nameLine.range, 'valueStream: Integration access review (edited)');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(async () => {
      const current = await sourceNode(markdownUri());
      return current?.kind === 'source' && current.source.streams[0]?.name === 'Integration access review (edited)';
    }, 'the edited stream name', WATCH_TIMEOUT_MS);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an untitled value stream (a document with no file) is listed while it is open', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'valuestream', content: STREAM_FILE.replace('Integration onboarding', 'Untitled draft') });
    await vscode.window.showTextDocument(document);
    const key = document.uri.toString();
    const source = await waitFor(async () => (await roots()).find((node) => node.kind === 'source' && node.source.key === key), 'the untitled document in the view', WATCH_TIMEOUT_MS);
    const [stream] = await explorer.valueStreams.getChildren(source);
    assert.equal(stream?.kind === 'stream' ? stream.stream.name : undefined, 'Untitled draft');
    await closeAllEditorsWithoutSaving();
    await waitFor(async () => !(await roots()).some((node) => node.kind === 'source' && node.source.key === key), 'the closed document to leave the view', WATCH_TIMEOUT_MS);
  });

  test('selecting a step opens its source at the step line', async () => {
    await writeOnDisk(streamUri(), STREAM_FILE);
    const source = await waitFor(() => sourceNode(streamUri()), 'the file in the view', WATCH_TIMEOUT_MS);
    const [stream] = await explorer.valueStreams.getChildren(source);
    const steps = await explorer.valueStreams.getChildren(stream);
    const grant = steps[1];
    assert.ok(grant);
    const command = explorer.valueStreams.getTreeItem(grant).command;
    assert.equal(command?.command, 'svc.revealStep');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === streamUri().toString() ? active : undefined;
    }, 'the source editor', WATCH_TIMEOUT_MS);
    assert.equal(editor.selection.active.line, 6);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /id: grant/);
  });

  test('steps of the seed examples open read-only example documents', async () => {
    const examples = (await roots()).find((node) => node.kind === 'examples');
    assert.ok(examples, 'examples group (the workspace has streams at this point)');
    const [incident] = (await explorer.valueStreams.getChildren(examples)).filter((node) => node.kind === 'stream' && node.stream.name === 'Incident resolution');
    assert.ok(incident);
    const [report] = await explorer.valueStreams.getChildren(incident);
    assert.ok(report);
    await vscode.commands.executeCommand('svc.revealStep', report);
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'svc-example-stream' ? active : undefined;
    }, 'the example document', WATCH_TIMEOUT_MS);
    assert.match(editor.document.getText(), /valueStream: Incident resolution/);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /id: report/);
  });
});
