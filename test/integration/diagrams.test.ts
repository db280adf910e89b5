import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SvcApi } from '../../src/api';
import { EXAMPLE_STREAMS } from '../../src/model/itil/exampleStreams';
import { RENDER_TIMEOUT_MS, settledReport } from './diagramReports';
import { activateExtension, skipInWebHost, waitFor, workspaceUri } from './util';

const TEST_TIMEOUT_MS = 240_000;
const CHAIN_LABELS = ['Demand / Opportunity', 'Plan', 'Improve', 'Engage', 'Design & Transition', 'Obtain/Build', 'Deliver & Support', 'Value / Products & Services'];

function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));
}

function describeTabs(): string {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .map((tab) => `${tab.label} (${tab.input instanceof vscode.TabInputWebview ? tab.input.viewType : typeof tab.input})`)
    .join(', ');
}

async function closeWebviewTabs(viewType: string): Promise<void> {
  await vscode.window.tabGroups.close(webviewTabs(viewType));
}

suite('SVC diagram panel', function () {
  this.timeout(TEST_TIMEOUT_MS);
  let api: SvcApi;

  suiteSetup(async () => {
    ({ api } = await activateExtension());
    await closeWebviewTabs('svc.diagram');
  });

  suiteTeardown(() => closeWebviewTabs('svc.diagram'));

  test('svc.openDiagram opens one panel that renders the 8 nodes of the value chain', async () => {
    await vscode.commands.executeCommand('svc.openDiagram');
    await vscode.commands.executeCommand('svc.openDiagram');
    await waitFor(() => webviewTabs('svc.diagram').length > 0, 'the diagram tab', RENDER_TIMEOUT_MS).catch((error: Error) => {
      throw new Error(`${error.message}; tabs: ${describeTabs()}`);
    });
    assert.equal(webviewTabs('svc.diagram').length, 1, 'a second call reveals the same panel');
    const report = await settledReport(() => api.testing.diagrams.inspectValueChainDiagram(), (candidate) => candidate.diagrams.length === 1, 'the value chain diagram');
    assert.equal(report.diagrams[0]?.kind, 'flowchart');
    assert.deepEqual(report.diagrams[0]?.nodeLabels, CHAIN_LABELS);
    assert.deepEqual(report.errors, []);
  });

  test('svc.openDiagram with an activity id shows its card', async () => {
    await vscode.commands.executeCommand('svc.openDiagram', 'obtain-build');
    const report = await settledReport(() => api.testing.diagrams.inspectValueChainDiagram(), (candidate) => candidate.cardTitle === 'Obtain/Build', 'the Obtain/Build card');
    assert.equal(report.cardTitle, 'Obtain/Build');
    await vscode.commands.executeCommand('svc.openDiagram', 'not-an-activity');
    const after = await settledReport(() => api.testing.diagrams.inspectValueChainDiagram(), () => true, 'the panel after a bad id');
    assert.equal(after.cardTitle, 'Obtain/Build', 'an unknown id changes nothing');
  });

  test('exports an SVG and a PNG file and copies the Mermaid source', async () => {
    await vscode.commands.executeCommand('svc.openDiagram');
    await settledReport(() => api.testing.diagrams.inspectValueChainDiagram(), (candidate) => candidate.diagrams.length === 1, 'the diagram');
    const svgFile = workspaceUri(`export-test-${Date.now()}.svg`);
    const pngFile = workspaceUri(`export-test-${Date.now()}.png`);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('svc.exportDiagramSvg', svgFile);
      assert.equal(written?.toString(), svgFile.toString());
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(svgFile));
      assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      for (const label of ['Plan', 'Engage', 'Obtain/Build', 'Deliver &amp; Support']) assert.ok(svg.includes(label), `the SVG shows ${label}`);
      assert.doesNotMatch(svg, /tabindex|svc-ring/, 'the webview’s interaction markup is left out');

      await vscode.commands.executeCommand('svc.exportDiagramPng', pngFile);
      const png = await vscode.workspace.fs.readFile(pngFile);
      assert.deepEqual([...png.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const view = new DataView(png.buffer, png.byteOffset);
      assert.ok(view.getUint32(16) > 400 && view.getUint32(20) > 200, `a real image: ${view.getUint32(16)}×${view.getUint32(20)}`);
    } finally {
      await vscode.workspace.fs.delete(svgFile).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(pngFile).then(undefined, () => undefined);
    }
    const source = await vscode.commands.executeCommand<string | undefined>('svc.copyMermaidSource');
    assert.match(source ?? '', /^flowchart LR\n/);
    assert.match(source ?? '', /D --> PL & EN & IM/);
  });
});

suite('Value-stream preview', function () {
  this.timeout(TEST_TIMEOUT_MS);
  let api: SvcApi;
  // A file of its own, written from the model's examples: the web workbench saves edits by itself
  // (files.autoSave defaults to afterDelay there), so the tests never edit the shared samples.
  let copy: vscode.Uri;
  const sample = () => copy;

  suiteSetup(async () => {
    ({ api } = await activateExtension());
    await closeWebviewTabs('svc.valueStreamPreview');
    copy = workspaceUri(`preview-test-${Date.now()}.valuestream.yaml`);
    const [, incident, request] = EXAMPLE_STREAMS;
    await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(`${incident?.source ?? ''}---\n${request?.source ?? ''}`));
  });

  suiteTeardown(async () => {
    await closeWebviewTabs('svc.valueStreamPreview');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(copy).then(undefined, () => undefined);
  });

  test('opens one preview per document with a flowchart per stream', async () => {
    const document = await vscode.workspace.openTextDocument(sample());
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('svc.openPreviewToSide');
    await vscode.commands.executeCommand('svc.openPreview', sample());
    await waitFor(() => webviewTabs('svc.valueStreamPreview').length > 0, 'the preview tab', RENDER_TIMEOUT_MS).catch((error: Error) => {
      throw new Error(`${error.message}; tabs: ${describeTabs()}`);
    });
    assert.equal(webviewTabs('svc.valueStreamPreview').length, 1);
    const report = await settledReport(() => api.testing.diagrams.inspectValueStreamPreview(sample()), (candidate) => candidate.diagrams.length === 2, 'two flowcharts');
    assert.deepEqual(report.diagrams.map((diagram) => diagram.kind), ['flowchart', 'flowchart']);
    assert.deepEqual(report.diagrams[0]?.nodeLabels, [
      'A user reports a service outage',
      'User reports the outage\nEngage\nservice desk, incident management',
      'Diagnose and restore the service\nDeliver & Support\nincident management, monitoring and event management',
      'Post-incident review\nImprove\nproblem management, continual improvement',
      'Service restored and the user informed',
    ]);
    assert.equal(report.diagrams[1]?.nodeLabels.length, 5, 'trigger, three steps, outcome');
    assert.deepEqual(report.errors, []);
  });

  test('follows edits, shows errors instead of a stale diagram and recovers', async () => {
    const document = await vscode.workspace.openTextDocument(sample());
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const text = document.getText();
    const titleAt = text.indexOf('User reports the outage');
    const before = await settledReport(() => api.testing.diagrams.inspectValueStreamPreview(sample()), (candidate) => candidate.diagrams.length === 2, 'the preview');
    try {
      await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(titleAt), document.positionAt(titleAt + 'User reports'.length)), 'Customer phones about'));
      const edited = await settledReport(
        () => api.testing.diagrams.inspectValueStreamPreview(sample()),
        (candidate) => candidate.renderCount > before.renderCount && (candidate.diagrams[0]?.nodeLabels[1] ?? '').startsWith('Customer phones about the outage'),
        'the edited title',
      );
      assert.deepEqual(edited.errors, []);

      const activityAt = document.getText().indexOf('activity: engage');
      await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(activityAt), document.positionAt(activityAt + 'activity: engage'.length)), 'activity: [engage'));
      const broken = await settledReport(() => api.testing.diagrams.inspectValueStreamPreview(sample()), (candidate) => candidate.errors.length > 0, 'the YAML error');
      assert.ok(broken.errors.some((error) => /svc\/yaml-syntax/.test(error)), broken.errors.join('\n'));
      assert.ok(!broken.diagrams.some((diagram) => diagram.nodeLabels.some((label) => label.startsWith('Customer phones'))), 'no stale diagram of the broken stream');

      await vscode.commands.executeCommand('undo');
      const recovered = await settledReport(() => api.testing.diagrams.inspectValueStreamPreview(sample()), (candidate) => candidate.errors.length === 0 && candidate.diagrams.length === 2, 'recovery');
      assert.match(recovered.diagrams[0]?.nodeLabels[1] ?? '', /^Customer phones about the outage/);
    } finally {
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('CodeLenses above each stream open the preview', async () => {
    const document = await vscode.workspace.openTextDocument(sample());
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const previews = lenses.filter((lens) => lens.command?.command === 'svc.openPreviewToSide');
    const nameLines = document.getText().split('\n').flatMap((line, index) => (line.startsWith('valueStream:') ? [index] : []));
    assert.equal(nameLines.length, 2);
    assert.deepEqual(previews.map((lens) => lens.range.start.line), nameLines);
    assert.deepEqual(previews.map((lens) => lens.command?.arguments?.[1]), [0, 1]);
    const markdown = await vscode.workspace.openTextDocument(workspaceUri('consulting-notes.md'));
    const markdownLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', markdown.uri);
    const fenceLines = markdown.getText().split('\n').flatMap((line, index) => (line.startsWith('```valuestream') ? [index] : []));
    assert.deepEqual(markdownLenses.filter((lens) => lens.command?.command === 'svc.openPreviewToSide').map((lens) => lens.range.start.line), fenceLines);
  });

  test('previews the valuestream blocks of a Markdown document', async () => {
    const notes = workspaceUri('consulting-notes.md');
    await vscode.commands.executeCommand('svc.openPreview', notes);
    const report = await settledReport(() => api.testing.diagrams.inspectValueStreamPreview(notes), (candidate) => candidate.diagrams.length === 2, 'the Markdown blocks');
    assert.match(report.diagrams[1]?.nodeLabels.join('|') ?? '', /Engage\nservice desk, service request management/);
  });
});

suite('Markdown preview', () => {
  suiteSetup(async function () {
    await activateExtension();
    // The Markdown extension can only use the markdown-it plugin of an extension in its own extension host. The
    // web-worker run forces this extension into the browser while code-server, a remote, keeps the Markdown
    // extension in its Node host (on vscode.dev, with no remote, both run in the web worker).
    if (vscode.env.remoteName !== undefined) {
      skipInWebHost(this, 'the built-in Markdown extension stays in code-server\'s Node host and cannot load a web worker extension\'s markdown-it plugin');
    }
  });

  test('a valuestream block becomes mermaid diagrams in the built-in preview', async () => {
    const markdown = '# Notes\n\n```valuestream\nvalueStream: Demo\nsteps:\n  - id: a\n    activity: engage\n    title: Take the call\n```\n';
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    const diagrams = html.match(/<pre class="mermaid"[^>]*>[\s\S]*?<\/pre>/g) ?? [];
    assert.equal(diagrams.length, 2, html);
    assert.match(diagrams[0] ?? '', /flowchart LR/);
    assert.match(diagrams[0] ?? '', /class vs0_s0 actEngage/);
    assert.match(diagrams[1] ?? '', /^<pre class="mermaid"[^>]*>gantt/);
  });

  test('a broken block shows its errors in place of the diagram', async () => {
    const markdown = '# Notes\n\n```valuestream\nvalueStream: Demo\nsteps:\n  - id: a\n    activity: operate\n```\n';
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    assert.doesNotMatch(html, /class="mermaid"/);
    assert.match(html, /class="svc-valuestream-error"/);
    assert.match(html, /Line 7: [^<]*operate/);
  });
});

suite('Linked diagrams and print-safe export', function () {
  this.timeout(TEST_TIMEOUT_MS);
  let api: SvcApi;
  let copy: vscode.Uri;

  suiteSetup(async () => {
    ({ api } = await activateExtension());
    await closeWebviewTabs('svc.valueStreamPreview');
    copy = workspaceUri(`linked-test-${Date.now()}.valuestream.yaml`);
    const [, incident, request] = EXAMPLE_STREAMS;
    await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(`${incident?.source ?? ''}---\n${request?.source ?? ''}`));
  });

  suiteTeardown(async () => {
    await closeWebviewTabs('svc.valueStreamPreview');
    await closeWebviewTabs('svc.diagram');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(copy).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration().update('svc.export.theme', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update('svc.export.pngScale', undefined, vscode.ConfigurationTarget.Global);
  });

  /** Puts the cursor of `editor` at the start of the first line containing `text`. */
  function moveCursorTo(editor: vscode.TextEditor, text: string): void {
    const offset = editor.document.getText().indexOf(text);
    assert.ok(offset >= 0, `the document has ${text}`);
    const position = editor.document.positionAt(offset);
    editor.selection = new vscode.Selection(position, position);
  }

  test('moving the cursor in a value-stream file highlights the step under it in the preview', async () => {
    const document = await vscode.workspace.openTextDocument(copy);
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('svc.openPreviewToSide', copy);
    const inspect = () => api.testing.diagrams.inspectValueStreamPreview(copy);
    const first = await settledReport(inspect, (report) => report.diagrams.length === 2, 'the preview');
    assert.match(first.description, /Incident resolution: Engage \(report\) → Deliver & Support \(restore\) → Improve \(review\)/);

    const [, incident, request] = EXAMPLE_STREAMS;
    assert.ok(incident && request);
    moveCursorTo(editor, 'id: restore');
    await settledReport(inspect, (report) => report.selectedNodes.join() === 'vs0_s1', 'the restore step highlighted');
    moveCursorTo(editor, 'Post-incident review');
    await settledReport(inspect, (report) => report.selectedNodes.join() === 'vs0_s2', 'the review step highlighted');
    const requestSteps = document.getText().slice(document.getText().indexOf('---')).match(/- id: (\S+)/g) ?? [];
    const secondStep = requestSteps[1]?.replace('- id: ', '');
    assert.ok(secondStep, 'the second stream has a second step');
    moveCursorTo(editor, `- id: ${secondStep}`);
    await settledReport(inspect, (report) => report.selectedNodes.join() === 'vs1_s1', 'a step of the second stream highlighted');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await settledReport(inspect, (report) => report.selectedNodes.length === 0, 'nothing highlighted outside the steps');
  });

  test('a cursor in a valuestream block of a Markdown document highlights that step', async () => {
    const notes = workspaceUri('consulting-notes.md');
    const document = await vscode.workspace.openTextDocument(notes);
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('svc.openPreviewToSide', notes);
    const inspect = () => api.testing.diagrams.inspectValueStreamPreview(notes);
    await settledReport(inspect, (report) => report.diagrams.length === 2, 'the Markdown preview');
    const text = document.getText();
    const secondBlock = text.indexOf('```valuestream', text.indexOf('```valuestream') + 1);
    const secondStepOfSecondBlock = text.indexOf('- id:', text.indexOf('- id:', secondBlock) + 1);
    assert.ok(secondBlock > 0 && secondStepOfSecondBlock > secondBlock, 'two blocks, the second with two steps');
    const position = document.positionAt(secondStepOfSecondBlock + 2);
    editor.selection = new vscode.Selection(position, position);
    await settledReport(inspect, (report) => report.selectedNodes.join() === 'vs1_s1', 'the second step of the second block highlighted');
  });

  test('selecting an activity in the Value Chain tree highlights its node in the SVC diagram', async () => {
    await vscode.commands.executeCommand('svc.openDiagram');
    const inspect = () => api.testing.diagrams.inspectValueChainDiagram();
    await settledReport(inspect, (report) => report.diagrams.length === 1, 'the diagram');
    const roots = api.testing.explorer.valueChain.getChildren();
    const improve = roots.find((node) => node.kind === 'activity' && node.activityId === 'improve');
    const purpose = roots.find((node) => node.kind === 'activity' && node.activityId === 'obtain-build')?.children[0];
    assert.ok(improve && purpose);
    await api.testing.explorer.valueChainView.reveal(improve, { select: true, focus: true });
    const highlighted = await settledReport(inspect, (report) => report.selectedNodes.join() === 'IM', 'Improve highlighted');
    assert.equal(highlighted.cardTitle, 'Improve');
    await api.testing.explorer.valueChainView.reveal(purpose, { select: true, focus: true });
    await settledReport(inspect, (report) => report.selectedNodes.join() === 'OB' && report.cardTitle === 'Obtain/Build', 'a row inside Obtain/Build highlights Obtain/Build');
    assert.match((await inspect())?.description ?? '', /^Demand and opportunity enter through Plan, Engage and Improve/);
  });

  test('exports are print-safe by default: light palette on white while the editor is dark; editor keeps its theme', async () => {
    const configuration = () => vscode.workspace.getConfiguration();
    const previousTheme = configuration().inspect<string>('workbench.colorTheme')?.globalValue;
    await configuration().update('workbench.colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    const svgFile = workspaceUri(`export-light-${Date.now()}.svg`);
    const editorFile = workspaceUri(`export-editor-${Date.now()}.svg`);
    const pngFiles = [1, 2].map((scale) => workspaceUri(`export-${scale}x-${Date.now()}.png`));
    try {
      await vscode.commands.executeCommand('svc.openDiagram');
      await settledReport(() => api.testing.diagrams.inspectValueChainDiagram(), (report) => report.theme === 'dark' && report.diagrams.length === 1, 'the diagram drawn dark');

      await configuration().update('svc.export.theme', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('svc.exportDiagramSvg', svgFile);
      const light = new TextDecoder().decode(await vscode.workspace.fs.readFile(svgFile));
      assert.ok(light.includes('<rect width="100%" height="100%" fill="#ffffff"'), 'a solid white background');
      assert.match(light, /fill:#1d4ed8/i, 'Plan in the light palette');
      assert.doesNotMatch(light, /fill:#60a5fa/i, 'not the dark palette');
      assert.match(light, /<title[^>]*>ITIL 4 service value chain<\/title>/, 'the accessible title travels with the file');

      await configuration().update('svc.export.theme', 'editor', vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('svc.exportDiagramSvg', editorFile);
      const dark = new TextDecoder().decode(await vscode.workspace.fs.readFile(editorFile));
      const background = /<rect width="100%" height="100%" fill="(#[0-9a-f]{6})"/.exec(dark)?.[1];
      assert.ok(background && background !== '#ffffff', `the editor's dark background, not white: ${background}`);
      assert.match(dark, /fill:#60a5fa/i, 'Plan in the dark palette');

      await configuration().update('svc.export.theme', undefined, vscode.ConfigurationTarget.Global);
      const widths: number[] = [];
      for (const [index, scale] of [1, 2].entries()) {
        const file = pngFiles[index];
        assert.ok(file);
        await configuration().update('svc.export.pngScale', scale, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('svc.exportDiagramPng', file);
        const png = await vscode.workspace.fs.readFile(file);
        widths.push(new DataView(png.buffer, png.byteOffset).getUint32(16));
      }
      const [oneX = 0, twoX = 0] = widths;
      assert.ok(oneX > 400, `a real image at 1×: ${oneX}`);
      assert.equal(twoX, oneX * 2, '2× is twice as wide as 1×');
    } finally {
      await configuration().update('workbench.colorTheme', previousTheme, vscode.ConfigurationTarget.Global);
      for (const file of [svgFile, editorFile, ...pngFiles]) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });
});
