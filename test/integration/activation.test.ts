import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, isWebHost } from './util';

interface ContributedCommand {
  command: string;
}

suite('Activation', () => {
  test('runs in the extension host the runner asked for', function () {
    // Set by the runners (extensionEnvironment, or baked into the web bundle); absent when run some other way.
    const expected = process.env.SVC_TEST_HOST;
    if (!expected) this.skip();
    assert.equal(isWebHost() ? 'web' : 'node', expected);
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
