import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SvcApi } from '../../src/api';
import type { RenderReport } from '../../src/model/diagrams/diagramProtocol';
import type { ExplorerNode } from '../../src/model/explorer/explorerTree';
import { closeAllEditorsWithoutSaving } from './editors';
import { resetWorkspaceSettings, restoreWorkspaceSettingsAfterSuite } from './settings';
import { activateExtension, waitFor } from './util';

const RENDER_TIMEOUT_MS = 60_000;

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function practiceGroups(api: SvcApi): Promise<string[]> {
  const provider = api.testing.explorer.practices;
  const groups: ExplorerNode[] = (await provider.getChildren()) ?? [];
  return Promise.all(
    groups.map(async (group) => {
      const item = await provider.getTreeItem(group);
      return item.description ? `${label(item)} · ${String(item.description)}` : label(item);
    }),
  );
}

async function setEdition(edition: 'itil4' | 'itil5' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('svc').update('edition', edition, vscode.ConfigurationTarget.Workspace);
}

async function lifecycleReport(api: SvcApi): Promise<RenderReport> {
  let last: RenderReport | string | undefined;
  try {
    return await waitFor(
      async () => {
        const report = await api.testing.editions.inspectLifecycleDiagram().catch((error: Error) => error.message);
        last = report;
        return typeof report === 'object' && report.renderCount > 0 && report.diagrams.length === 1 ? report : undefined;
      },
      'the lifecycle diagram',
      RENDER_TIMEOUT_MS,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last report: ${JSON.stringify(last)}`);
  }
}

suite('ITIL editions', () => {
  let api: SvcApi;
  restoreWorkspaceSettingsAfterSuite();

  suiteSetup(async () => {
    api = (await activateExtension()).api;
  });

  teardown(async function () {
    this.timeout(60_000);
    await resetWorkspaceSettings('svc', ['edition']);
    await closeAllEditorsWithoutSaving();
  });

  test('switching svc.edition regroups the Practices view live, and back', async function () {
    this.timeout(60_000);
    const itil4Groups = ['General management (14)', 'Service management (17)', 'Technical management (3)'];
    assert.deepEqual(await practiceGroups(api), itil4Groups);

    await setEdition('itil5');
    const itil5Groups = ['General management (12) · source uncertain', 'Product and service management (22) · source uncertain'];
    await waitFor(async () => JSON.stringify(await practiceGroups(api)) === JSON.stringify(itil5Groups), 'the Version 5 groups');
    const [, productAndService] = (await api.testing.explorer.practices.getChildren()) ?? [];
    const practices = await Promise.all(((await api.testing.explorer.practices.getChildren(productAndService)) ?? []).map(async (node) => label(await api.testing.explorer.practices.getTreeItem(node))));
    assert.equal(practices.length, 22);
    assert.ok(practices.includes('Information security management') && practices.includes('Deployment management'));

    const security = productAndService?.children.find((node) => node.practiceId === 'information-security-management');
    assert.ok(security);
    const resolved = await api.testing.explorer.practices.resolveTreeItem(new vscode.TreeItem('x'), security);
    assert.ok(resolved.tooltip instanceof vscode.MarkdownString);
    assert.match(resolved.tooltip.value, /Product and service management practice \(ITIL \(Version 5\)/);
    assert.match(resolved.tooltip.value, /`Source uncertain`/);
    assert.ok(await api.testing.explorer.practicesView.reveal(security, { select: true }).then(() => true), 'a practice of the new tree can be revealed');

    await setEdition('itil4');
    await waitFor(async () => JSON.stringify(await practiceGroups(api)) === JSON.stringify(itil4Groups), 'the ITIL 4 groups again');
  });

  test('hover cards name the Version 5 group while itil5 is chosen', async function () {
    this.timeout(60_000);
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `edition-hover-${Date.now()}.md` });
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), 'Information security management protects our data.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.window.showTextDocument(document);
    const hoverText = async (): Promise<string> => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 3));
      return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    };
    assert.match(await hoverText(), /General management practice \(ITIL 4 §5\.1\.3\)/);
    await setEdition('itil5');
    await waitFor(async () => /Product and service management practice \(ITIL \(Version 5\); ITIL 4 §5\.1\.3\)/.test(await hoverText()), 'the Version 5 card');
    assert.match(await hoverText(), /`Source uncertain`/);
  });

  test('value-stream completion, Find and the Markdown tables name the Version 5 groups while itil5 is chosen, and back', async function () {
    this.timeout(90_000);
    const stream = await vscode.workspace.openTextDocument({
      language: 'valuestream',
      content: 'valueStream: Edition test\nsteps:\n  - id: ship\n    activity: deliver-and-support\n    practices: []\n',
    });
    const practicesPosition = new vscode.Position(4, '    practices: ['.length);
    const completionGroup = async (practice: string): Promise<string | undefined> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', stream.uri, practicesPosition);
      const item = list.items.find((candidate) => typeof candidate.label !== 'string' && candidate.label.label === practice);
      return typeof item?.label === 'string' ? undefined : `${item?.label.description} | ${item?.detail}`;
    };
    const findCategory = (practice: string): string | undefined =>
      api.testing.explorer.findPicks().find((pick) => pick.label === practice)?.description?.split(' — ')[0].split(' · ')[0];
    const markdown = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n' });
    const editor = await vscode.window.showTextDocument(markdown);
    const insertedGroupRow = async (practiceId: string): Promise<string | undefined> => {
      editor.selection = new vscode.Selection(markdown.lineCount - 1, 0, markdown.lineCount - 1, 0);
      assert.equal(await vscode.commands.executeCommand('svc.insertMarkdownTable', practiceId), true);
      return markdown.getText().split('\n').filter((line) => line.startsWith('| Group |')).at(-1);
    };

    assert.equal(await completionGroup('deployment management'), 'Technical management practices | Deployment management (Technical management practices)');
    assert.equal(findCategory('Deployment management'), 'Technical management practice');
    assert.equal(await insertedGroupRow('deployment-management'), '| Group | Technical management practice (ITIL 4 §5.3.1) |');

    await setEdition('itil5');
    await waitFor(async () => (await completionGroup('deployment management'))?.startsWith('Product and service management practices'), 'Version 5 groups in completion');
    assert.equal(
      await completionGroup('service financial management'),
      'Product and service management practices | Service financial management (Product and service management practices)',
    );
    assert.equal(await completionGroup('strategy management'), 'General management practices | Strategy management (General management practices)');
    assert.equal(findCategory('Deployment management'), 'Product and service management practice');
    assert.equal(findCategory('Information security management'), 'Product and service management practice');
    assert.equal(
      await insertedGroupRow('deployment-management'),
      '| Group | Product and service management practice (ITIL (Version 5); ITIL 4 §5.3.1) |',
    );
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('svc.copyMarkdownTable', 'service-financial-management');
    assert.match(await vscode.env.clipboard.readText(), /^\| Group \| Product and service management practice \(ITIL \(Version 5\); ITIL 4 §5\.1\.11\) \|$/m);

    await setEdition('itil4');
    await waitFor(async () => (await completionGroup('deployment management'))?.startsWith('Technical management practices'), 'ITIL 4 groups in completion again');
    assert.equal(findCategory('Deployment management'), 'Technical management practice');
    assert.equal(await insertedGroupRow('deployment-management'), '| Group | Technical management practice (ITIL 4 §5.3.1) |');
  });

  test('a practice group\'s hover card lists the edition\'s members', async function () {
    this.timeout(60_000);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Our technical management practices are small.\n' });
    await vscode.window.showTextDocument(document);
    const hoverText = async (): Promise<string> => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 6));
      return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    };
    assert.match(await hoverText(), /Practice group \(ITIL 4\)[\s\S]*Practices \(3\)/);
    await setEdition('itil5');
    await waitFor(async () => /Practice group of ITIL 4, not of ITIL \(Version 5\)/.test(await hoverText()), 'the Version 5 note');
    assert.match(await hoverText(), /Product and service management practices: Deployment management/);
  });

  test('the lifecycle view lists the eight stages in order, each marked source uncertain', async () => {
    const stages = (await api.testing.editions.lifecycle.getChildren()) ?? [];
    const items = await Promise.all(stages.map((stage) => api.testing.editions.lifecycle.getTreeItem(stage)));
    assert.deepEqual(
      items.map(label),
      ['1. Discover', '2. Design', '3. Acquire', '4. Build', '5. Transition', '6. Operate', '7. Deliver', '8. Support'],
    );
    assert.ok(items.every((item) => item.description === 'source uncertain'));
    assert.match(api.testing.editions.lifecycleView.message ?? '', /Source uncertain/);
  });

  test('the lifecycle command draws the stages in itil5 and explains itself in itil4', async function () {
    this.timeout(120_000);
    await setEdition('itil4');
    const opened = await Promise.race([
      vscode.commands.executeCommand<boolean>('svc.openLifecycleDiagram'),
      // The information message waits for an answer; not opening is what counts here.
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000)),
    ]);
    assert.equal(opened, false);
    assert.equal(await api.testing.editions.inspectLifecycleDiagram(), undefined, 'no panel in ITIL 4 mode');

    await setEdition('itil5');
    assert.equal(await vscode.commands.executeCommand<boolean>('svc.openLifecycleDiagram'), true);
    const report = await lifecycleReport(api);
    assert.equal(report.diagrams[0]?.kind, 'flowchart');
    assert.deepEqual(report.diagrams[0]?.nodeLabels.slice(-8), ['Discover', 'Design', 'Acquire', 'Build', 'Transition', 'Operate', 'Deliver', 'Support']);
    assert.equal(report.cardTitle, 'Product and service lifecycle');
    assert.deepEqual(report.errors, []);
  });
});
