import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../src/features/export/run';
import { activateExtension, skipInWebHost, waitFor, workspaceUri } from './util';

// Seven figures drawn in a webview on a shared 2-core machine, twice, and LibreOffice converting the result.
const TEST_TIMEOUT_MS = 300_000;
const FIGURES = 8;
/** The problems of the fixture's blocks that are not drawn: an unknown activity and a zero duration in one block, a mind map. */
const PROBLEMS = 3;

type NodeModules = {
  fs: typeof import('node:fs');
  path: typeof import('node:path');
  childProcess: typeof import('node:child_process');
  util: typeof import('node:util');
  /** pngjs reads PNG pixels; it needs Node, so it is required at run time rather than bundled into the web suite. */
  PNG: typeof import('pngjs').PNG;
};

async function nodeModules(): Promise<NodeModules> {
  const { createRequire } = await import('node:module');
  const { PNG } = createRequire(__filename)('pngjs') as typeof import('pngjs');
  return { fs: await import('node:fs'), path: await import('node:path'), childProcess: await import('node:child_process'), util: await import('node:util'), PNG };
}

interface DocxParts {
  readonly document: string;
  readonly media: ReadonlyMap<string, Uint8Array>;
  /** Image relationship ids in document order, with their file. */
  readonly imageTargets: ReadonlyMap<string, string>;
}

async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const media = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (name.startsWith('word/media/')) media.set(name.slice('word/'.length), await file.async('uint8array'));
  }
  const relationships = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
  const imageTargets = new Map([...relationships.matchAll(/<Relationship Id="([^"]+)" Type="[^"]+\/image" Target="([^"]+)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']));
  return { document: (await zip.file('word/document.xml')?.async('string')) ?? '', media, imageTargets };
}

suite('Export Document', function () {
  this.timeout(TEST_TIMEOUT_MS);
  let node: NodeModules;
  let resultsDir: string;
  let proposal: vscode.Uri;
  let previousTheme: string | undefined;

  suiteSetup(async function () {
    skipInWebHost(this, 'the test reads the fixture and the exported files from disk and runs LibreOffice');
    node = await nodeModules();
    await activateExtension();
    // The compiled test sits in out/test/integration/ of the repository.
    const root = node.path.resolve(__dirname, '..', '..', '..');
    resultsDir = node.path.join(root, 'test-results', 'export');
    node.fs.rmSync(resultsDir, { recursive: true, force: true });
    node.fs.mkdirSync(resultsDir, { recursive: true });
    const fixture = workspaceUri('export-fixture');
    node.fs.cpSync(node.path.join(root, 'test', 'fixtures', 'export'), fixture.fsPath, { recursive: true });
    proposal = vscode.Uri.joinPath(fixture, 'service-desk-proposal.md');
    const configuration = vscode.workspace.getConfiguration();
    previousTheme = configuration.inspect<string>('workbench.colorTheme')?.globalValue;
    await configuration.update('workbench.colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    if (!node) return;
    await vscode.workspace.getConfiguration().update('workbench.colorTheme', previousTheme, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(workspaceUri('export-fixture'), { recursive: true }).then(undefined, () => undefined);
  });

  async function exportTo(format: 'docx' | 'html'): Promise<{ outcome: ExportOutcome; bytes: Uint8Array; file: string }> {
    const file = node.path.join(resultsDir, `service-desk-proposal.${format}`);
    const outcome = await vscode.commands.executeCommand<ExportOutcome | undefined>('svc.exportDocument', proposal, {
      format,
      appendices: ['terms', 'coverage'],
      target: vscode.Uri.file(file).toString(),
    });
    assert.ok(outcome, 'the export finished (its error message is in the log otherwise)');
    assert.equal(outcome.figureCount, FIGURES);
    assert.equal(outcome.problemCount, PROBLEMS);
    assert.deepEqual(node.fs.readdirSync(resultsDir).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left behind');
    return { outcome, bytes: new Uint8Array(node.fs.readFileSync(file)), file };
  }

  test('Word, from a dark theme: heading styles, tables, one print-safe PNG per figure sized to the page', async () => {
    const { bytes } = await exportTo('docx');
    const docx = await readDocx(bytes);
    const styles = [...docx.document.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((match) => match[1]);
    assert.ok(styles.includes('Subtitle') && styles.includes('Heading1') && styles.includes('Heading2') && styles.includes('Heading3'), `paragraph styles: ${[...new Set(styles)].join(', ')}`);
    assert.equal(styles.filter((style) => style === 'Caption').length, FIGURES);
    assert.ok((docx.document.match(/<w:tbl>/g) ?? []).length >= 4, 'the document’s table and the appendices’ tables');
    assert.match(docx.document, /This value stream could not be drawn/);

    const { PNG } = node;
    const drawings = [...docx.document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>(?:(?!<\/w:drawing>).)*?descr="([^"]*)"(?:(?!<\/w:drawing>).)*?r:embed="([^"]+)"/gs)];
    const figures = drawings.filter((match) => match[3] !== 'Contoso Health wordmark');
    assert.equal(figures.length, FIGURES, 'one image per figure (and the wordmark)');
    for (const [, cx, cy, description, relationship] of figures) {
      assert.ok(description, 'every figure has alt text');
      const bytes = docx.media.get(docx.imageTargets.get(relationship ?? '') ?? '');
      assert.ok(bytes, `${description}: its image is in the file`);
      const png = PNG.sync.read(Buffer.from(bytes));
      const shownWidth = Number(cx) / 9525;
      assert.ok(shownWidth <= 601.5, `sized to the page: ${shownWidth} px`);
      assert.ok(png.width >= 2 * shownWidth - 2, `${description}: ${png.width} px drawn for ${shownWidth} px shown (pngScale 2)`);
      assert.ok(Math.abs(png.width / png.height - Number(cx) / Number(cy)) < 0.02, 'the aspect ratio is kept');
      const corner = [...png.data.subarray(0, 4)];
      assert.deepEqual(corner, [255, 255, 255, 255], `${description}: a white background, not the editor's dark one`);
      let light = 0;
      for (let offset = 0; offset < png.data.length; offset += 4) {
        if (Math.min(png.data[offset] ?? 0, png.data[offset + 1] ?? 0, png.data[offset + 2] ?? 0) > 200) light++;
      }
      const lightShare = light / (png.width * png.height);
      assert.ok(lightShare > 0.5 && lightShare < 0.999, `${description}: a drawing on a light page (${Math.round(lightShare * 100)} % light pixels)`);
    }
  });

  test('HTML, from a dark theme: one inline SVG per figure, no script, problem boxes in place', async () => {
    const { bytes } = await exportTo('html');
    const html = new TextDecoder().decode(bytes);
    assert.equal((html.match(/<figure class="svc-figure" id="figure-\d+">\n<svg role="img" aria-label="[^"]+"/g) ?? []).length, FIGURES);
    assert.equal((html.match(/<figcaption>/g) ?? []).length, FIGURES);
    assert.doesNotMatch(html, /<script/i);
    assert.equal((html.match(/class="svc-problem"/g) ?? []).length, 2, 'the broken value stream and the mind map');
    assert.match(html, /Appendix A — ITIL terms used in this document/);
    assert.match(html, /<rect width="100%" height="100%" fill="#ffffff"/, 'figures on white');
  });

  test('a real word processor opens the Word file: LibreOffice converts it to PDF, pages rendered to PNG', async function () {
    const docx = node.path.join(resultsDir, 'service-desk-proposal.docx');
    if (!node.fs.existsSync(docx)) this.skip();
    const run = node.util.promisify(node.childProcess.execFile);
    const profile = node.fs.mkdtempSync(node.path.join(resultsDir, 'lo-profile-'));
    try {
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', resultsDir, docx], { timeout: 120_000 });
    } finally {
      node.fs.rmSync(profile, { recursive: true, force: true });
    }
    const pdf = node.path.join(resultsDir, 'service-desk-proposal.pdf');
    assert.ok(node.fs.statSync(pdf).size > 10_000, 'LibreOffice wrote a PDF');
    await run('pdftoppm', ['-png', '-r', '60', pdf, node.path.join(resultsDir, 'service-desk-proposal-page')], { timeout: 120_000 });
    const { stdout } = await run('pdfinfo', [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
    assert.ok(pages >= 4, `${pages} pages`);
    assert.equal(node.fs.readdirSync(resultsDir).filter((name) => /^service-desk-proposal-page-\d+\.png$/.test(name)).length, pages);
  });
});

suite('Export Document in either extension host', function () {
  this.timeout(TEST_TIMEOUT_MS);
  const folder = () => workspaceUri('export-web');

  suiteSetup(async () => {
    await activateExtension();
    const markdown = [
      '# Request handling',
      '',
      'The service desk takes the request; Deliver and Support fulfils it.',
      '',
      '```valuestream',
      'valueStream: Reset a password',
      'steps:',
      '  - id: ask',
      '    activity: engage',
      '    title: Ask for a reset',
      '  - id: reset',
      '    activity: deliver-and-support',
      '    title: Reset it',
      '    after: [ask]',
      '```',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'request.md'), new TextEncoder().encode(markdown));
  });

  suiteTeardown(() => vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined));

  test('a document of the workspace to Word and HTML through workspace.fs, figures drawn in the webview', async () => {
    const source = vscode.Uri.joinPath(folder(), 'request.md');
    for (const format of ['docx', 'html'] as const) {
      const target = vscode.Uri.joinPath(folder(), `request.${format}`);
      const outcome = await vscode.commands.executeCommand<ExportOutcome | undefined>('svc.exportDocument', source, { format, appendices: [], target: target.toString() });
      assert.deepEqual(outcome && { figures: outcome.figureCount, problems: outcome.problemCount }, { figures: 2, problems: 0 });
      const bytes = await vscode.workspace.fs.readFile(target);
      if (format === 'html') {
        assert.equal((new TextDecoder().decode(bytes).match(/<svg role="img"/g) ?? []).length, 2);
        continue;
      }
      const docx = await readDocx(bytes);
      assert.deepEqual([...docx.document.matchAll(/<w:pStyle w:val="Caption"\/>(?:(?!<\/w:p>).)*?<w:t[^>]*>([^<]*)</gs)].map((match) => match[1]), [
        'Figure 1 — Reset a password: flowchart',
        'Figure 2 — Reset a password: schedule',
      ]);
      assert.equal(docx.media.size, 2);
    }
    const names = (await vscode.workspace.fs.readDirectory(folder())).map(([name]) => name).sort();
    assert.deepEqual(names, ['request.docx', 'request.html', 'request.md'], 'nothing else is written');
  });

  test('closing the drawing panel stops the export with a message, and writes nothing, not even half a file', async () => {
    const stream = (index: number) => `\`\`\`valuestream\nvalueStream: Stream ${index}\nsteps:\n  - id: a\n    activity: engage\n  - id: b\n    activity: improve\n    after: [a]\n\`\`\`\n`;
    const source = vscode.Uri.joinPath(folder(), 'long.md');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(Array.from({ length: 30 }, (_, index) => stream(index)).join('\n')));
    const target = vscode.Uri.joinPath(folder(), 'long.docx');
    const running = vscode.commands.executeCommand<ExportOutcome | undefined>('svc.exportDocument', source, { format: 'docx', appendices: [], target: target.toString() });
    const drawingTab = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('svc.exportDrawing'));
    const tab = await waitFor(drawingTab, 'the drawing panel', 60_000);
    await vscode.window.tabGroups.close(tab);
    assert.equal(await running, undefined, 'the export stopped');
    const names = (await vscode.workspace.fs.readDirectory(folder())).map(([name]) => name);
    assert.ok(!names.some((name) => name.startsWith('long.docx')), `nothing written: ${names.join(', ')}`);
    await vscode.workspace.fs.delete(source);
  });

  test('a document that is not Markdown is refused with a message, and nothing is written', async () => {
    const text = vscode.Uri.joinPath(folder(), 'notes.txt');
    await vscode.workspace.fs.writeFile(text, new TextEncoder().encode('Plain notes.'));
    const outcome = await vscode.commands.executeCommand<ExportOutcome | undefined>('svc.exportDocument', text, { format: 'html', appendices: [], target: vscode.Uri.joinPath(folder(), 'notes.html').toString() });
    assert.equal(outcome, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder(), 'notes.html'))));
    await vscode.workspace.fs.delete(text);
  });
});
