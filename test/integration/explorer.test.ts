import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/testing';
import type { ExplorerNode } from '../../src/model/explorer/explorerTree';
import { activityTable, practiceTable } from '../../src/model/explorer/markdownTables';
import { closeAllEditorsWithoutSaving } from './editors';
import { activateExtension, waitFor } from './util';
import { ITIL4 } from '../../src/model/itil/editions';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function childLabels(provider: vscode.TreeDataProvider<ExplorerNode>, node?: ExplorerNode): Promise<string[]> {
  const children = (await provider.getChildren(node)) ?? [];
  return Promise.all(children.map(async (child) => label(await provider.getTreeItem(child))));
}

async function childNamed(provider: vscode.TreeDataProvider<ExplorerNode>, name: string, node?: ExplorerNode): Promise<ExplorerNode> {
  for (const child of (await provider.getChildren(node)) ?? []) {
    if (label(await provider.getTreeItem(child)) === name) return child;
  }
  throw new Error(`no child "${name}" under ${node?.label ?? 'the root'}`);
}

function detailsTabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview).map((tab) => tab.label));
}

suite('Explorer: Value Chain and Practices views', () => {
  let explorer: ExplorerApi;

  suiteSetup(async () => {
    explorer = (await activateExtension()).api.testing.explorer;
  });

  teardown(async function () {
    this.timeout(60_000);
    await closeAllEditorsWithoutSaving();
  });

  test('the Value Chain view lists demand, the six activities in order and value', async () => {
    assert.deepEqual(await childLabels(explorer.valueChain), [
      'Demand / Opportunity',
      'Plan',
      'Improve',
      'Engage',
      'Design & Transition',
      'Obtain/Build',
      'Deliver & Support',
      'Value / Products & Services',
    ]);
  });

  test('activities carry their coloured codicon and expand into their sections', async () => {
    const engage = await childNamed(explorer.valueChain, 'Engage');
    const item = await explorer.valueChain.getTreeItem(engage);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.equal(item.iconPath.id, 'comment-discussion');
    assert.equal(item.iconPath.color?.id, 'svc.activity.engage');
    assert.equal(item.command?.command, 'svc.openDetails');
    assert.deepEqual(await childLabels(explorer.valueChain, engage), ['Purpose', 'Inputs', 'Outputs', 'What it enables', 'Key practices', 'Exam caveats']);
    const inputs = await childNamed(explorer.valueChain, 'Inputs', engage);
    assert.equal((await childLabels(explorer.valueChain, inputs)).length, 3);
    const keyPractices = await childNamed(explorer.valueChain, 'Key practices', engage);
    assert.deepEqual(await childLabels(explorer.valueChain, keyPractices), ['Service desk', 'Relationship management', 'Service level management']);
    const plan = await childNamed(explorer.valueChain, 'Plan');
    assert.ok(!(await childLabels(explorer.valueChain, plan)).includes('Exam caveats'), 'Plan has no caveats section');
  });

  test('entry and exit nodes list the activities they connect to', async () => {
    const demand = await childNamed(explorer.valueChain, 'Demand / Opportunity');
    assert.deepEqual(await childLabels(explorer.valueChain, demand), ['Plan', 'Engage', 'Improve']);
    const value = await childNamed(explorer.valueChain, 'Value / Products & Services');
    assert.deepEqual(await childLabels(explorer.valueChain, value), ['Deliver & Support', 'Obtain/Build', 'Engage']);
  });

  test('tooltips are Markdown cards resolved on demand', async () => {
    const improve = await childNamed(explorer.valueChain, 'Improve');
    const item = await explorer.valueChain.getTreeItem(improve);
    assert.equal(item.tooltip, undefined, 'tooltip is left for resolveTreeItem');
    const resolved = await explorer.valueChain.resolveTreeItem(item, improve);
    assert.ok(resolved?.tooltip instanceof vscode.MarkdownString);
    assert.match(resolved.tooltip.value, /Improve/);
    assert.match(resolved.tooltip.value, /Inputs \| Outputs/);
    assert.match(resolved.tooltip.value, /command:svc\.revealInValueChain/);
  });

  test('the Practices view groups 14 / 17 / 3 practices with Foundation markers', async () => {
    assert.deepEqual(await childLabels(explorer.practices), [
      'General management (14)',
      'Service management (17)',
      'Technical management (3)',
    ]);
    const service = await childNamed(explorer.practices, 'Service management (17)');
    assert.equal((await explorer.practices.getChildren(service))?.length, 17);
    const incident = await childNamed(explorer.practices, 'Incident management', service);
    const item = await explorer.practices.getTreeItem(incident);
    assert.equal(item.description, 'Foundation: studied in detail');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'star-full');
    assert.deepEqual(await childLabels(explorer.practices, incident), ['Engage', 'Deliver & Support']);
    const link = await childNamed(explorer.practices, 'Deliver & Support', incident);
    const linkItem = await explorer.practices.getTreeItem(link);
    assert.deepEqual(linkItem.command?.arguments, ['deliver-and-support']);
    assert.equal(explorer.practices.getParent?.(link), incident);
  });

  test('revealing an activity selects it in the Value Chain view; a practice in the Practices view', async () => {
    assert.equal(await vscode.commands.executeCommand('svc.revealInValueChain', 'obtain-build'), true);
    await waitFor(() => explorer.valueChainView.selection[0]?.key === 'activity:obtain-build', 'Obtain/Build selected');
    assert.equal(explorer.valueChainView.visible, true);
    assert.equal(await vscode.commands.executeCommand('svc.revealInValueChain', 'problem-management'), true);
    await waitFor(() => explorer.practicesView.selection[0]?.key === 'practice:problem-management', 'problem management selected');
    assert.equal(await vscode.commands.executeCommand('svc.revealInValueChain', 'no-such-item'), false);
  });

  test('selecting a practice-to-activity link reveals the activity in the Value Chain view', async () => {
    const general = await childNamed(explorer.practices, 'General management (14)');
    const improvement = await childNamed(explorer.practices, 'Continual improvement', general);
    const [link] = (await explorer.practices.getChildren(improvement)) ?? [];
    assert.ok(link);
    const command = (await explorer.practices.getTreeItem(link)).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await waitFor(() => explorer.valueChainView.selection[0]?.key === 'activity:improve', 'Improve selected');
  });

  test('opening details shows the card in a webview panel titled after the item', async () => {
    const deliver = await childNamed(explorer.valueChain, 'Deliver & Support');
    await vscode.commands.executeCommand('svc.openDetails', deliver);
    assert.deepEqual(explorer.detailsShown(), { kind: 'activity', id: 'deliver-and-support' });
    await waitFor(() => detailsTabLabels().includes('Deliver & Support'), 'details tab');
    await vscode.commands.executeCommand('svc.openDetails', 'service-desk');
    assert.deepEqual(explorer.detailsShown(), { kind: 'practice', id: 'service-desk' });
    await waitFor(() => detailsTabLabels().includes('Service desk'), 'details tab retitled');
    assert.equal(detailsTabLabels().length, 1, 'one panel is reused');
  });

  test('open in SVC diagram opens the diagram panel for the activity', async () => {
    const design = await childNamed(explorer.valueChain, 'Design & Transition');
    await vscode.commands.executeCommand('svc.openInDiagram', design);
    await waitFor(
      () =>
        vscode.window.tabGroups.all.some((group) =>
          group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('svc.diagram')),
        ),
      'the diagram panel',
      30_000,
    );
  });

  test('copy as Markdown table puts the activity or practice table on the clipboard', async () => {
    const obtain = await childNamed(explorer.valueChain, 'Obtain/Build');
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('svc.copyMarkdownTable', obtain);
    assert.equal(await vscode.env.clipboard.readText(), activityTable('obtain-build'));
    const outputs = await childNamed(explorer.valueChain, 'Outputs', obtain);
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('svc.copyMarkdownTable', outputs);
    assert.equal(await vscode.env.clipboard.readText(), activityTable('obtain-build'));
    await vscode.commands.executeCommand('svc.copyMarkdownTable', 'change-enablement');
    assert.equal(await vscode.env.clipboard.readText(), practiceTable('change-enablement', ITIL4));
  });

  test('insert Markdown table writes the table at the cursor of the Markdown editor', async function () {
    // The first Markdown editor of the run activates VS Code's Markdown support: slow on a busy machine.
    this.timeout(60_000);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Report\nIntro text\n\nClosing words\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const plan = await childNamed(explorer.valueChain, 'Plan');
    assert.equal(await vscode.commands.executeCommand('svc.insertMarkdownTable', plan), true);
    assert.equal(document.getText(), `# Report\nIntro text\n\n${activityTable('plan')}\nClosing words\n`);
    editor.selection = new vscode.Selection(0, 8, 0, 8);
    assert.equal(await vscode.commands.executeCommand('svc.insertMarkdownTable', 'incident-management'), true);
    assert.ok(document.getText().startsWith(`# Report\n\n${practiceTable('incident-management', ITIL4)}\nIntro text`), document.getText());
  });

  test('insert Markdown table refuses a non-Markdown editor and leaves it unchanged', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'plain\n' });
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('svc.insertMarkdownTable', 'plan'), false);
    assert.equal(document.getText(), 'plain\n');
  });

  test('find jumps to a practice by its abbreviation: reveals it and opens its card', async () => {
    const found = vscode.commands.executeCommand('svc.find', 'SLM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.deepEqual(await found, { kind: 'practice', id: 'service-level-management' });
    assert.deepEqual(explorer.detailsShown(), { kind: 'practice', id: 'service-level-management' });
    await waitFor(() => explorer.practicesView.selection[0]?.key === 'practice:service-level-management', 'SLM selected');
  });

  test('find opens the card of an outdated ITIL v3 term', async () => {
    const found = vscode.commands.executeCommand('svc.find', 'Request Fulfilment');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const ref = (await found) as { kind: string; id: string } | undefined;
    assert.equal(ref?.kind, 'legacy');
    assert.deepEqual(explorer.detailsShown(), ref);
  });
});
