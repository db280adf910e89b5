import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, isWebHost, skipInWebHost, waitFor } from './util';

interface ContributedCommand {
  command: string;
}

suite('Activation', () => {
  test('runs in the extension host the runner asked for, from that host\'s bundle', async function () {
    // Set by the runners (extensionEnvironment, or baked into the web bundle); absent when run some other way.
    const expected = process.env.SVC_TEST_HOST;
    if (!expected) this.skip();
    this.timeout(60_000);
    assert.equal(isWebHost() ? 'web' : 'node', expected);
    const { extension } = await activateExtension();
    if (expected === 'web') {
      // A web worker extension is a UI extension: it runs beside the workbench, not on the (code-server) remote.
      assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'the extension did not run in the web worker host');
    } else {
      assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace, 'the extension did not run in code-server\'s Node host');
      const main = vscode.Uri.joinPath(extension.extensionUri, extension.packageJSON.main).fsPath;
      assert.ok(require.cache[main], `the Node host did not load the \`main\` bundle ${main}`);
    }
  });

  test('the Node host loads the value-stream parser bundle on first use', async function () {
    skipInWebHost(this, 'the `browser` bundle includes the parser; only `main` loads it from a second file');
    const { extension } = await activateExtension();
    const parserBundle = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'yamlParsers.js').fsPath;
    const document = await vscode.workspace.openTextDocument({ language: 'valuestream', content: 'valueStream: Check\nsteps:\n  - id: a\n    activity: operate\n' });
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length > 0 ? found : undefined;
    }, 'diagnostics of the untitled value stream', 20_000);
    assert.match(diagnostics[0]?.message ?? '', /operate/);
    assert.ok(require.cache[parserBundle], `the diagnostics came without ${parserBundle}`);
  });

  test('the Node host loads the diagram bundle on the first diagram, not at activation', async function () {
    skipInWebHost(this, 'the `browser` bundle includes the diagram code; only `main` loads it from a second file');
    this.timeout(60_000);
    const { extension, api } = await activateExtension();
    const diagramBundle = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'diagrams.js').fsPath;
    // This suite runs first (mocha takes the files in alphabetical order), before any other suite opens a diagram.
    assert.equal(require.cache[diagramBundle], undefined, `activation loaded ${diagramBundle}`);
    await vscode.commands.executeCommand('svc.openDiagram');
    try {
      await waitFor(() => api.testing.diagrams.inspectValueChainDiagram(), 'the SVC diagram panel', 30_000);
      assert.ok(require.cache[diagramBundle], `the diagram opened without ${diagramBundle}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  test('the extension is installed in the host', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not among the loaded extensions`);
  });

  test('activate() returns the API with 6 activities and 34 practices', async function () {
    // The first activation also loads the bundle (over HTTP in the web worker): slow on a busy machine.
    this.timeout(60_000);
    const { extension, api } = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.equal(api.activityIds.length, 6, `activityIds: ${api.activityIds.join(', ')}`);
    assert.equal(api.practiceIds.length, 34, `practiceIds: ${api.practiceIds.join(', ')}`);
    assert.equal(new Set(api.practiceIds).size, 34, 'practice ids are unique');
  });

  test('every contributed command is registered', async () => {
    const { extension } = await activateExtension();
    const contributed: ContributedCommand[] = extension.packageJSON.contributes?.commands ?? [];
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((entry) => entry.command).filter((command) => !registered.has(command));
    assert.ok(missing.length === 0, `contributed but not registered: ${missing.join(', ')}`);
  });
});
