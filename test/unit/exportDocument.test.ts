import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { builtInTerms } from '../../src/model/terms';
import { ITIL4 } from '../../src/model/itil';
import {
  ExportError,
  exportDocument,
  isInlineableSvg,
  MAX_DOCUMENT_LENGTH,
  readExportSource,
  type DrawingJob,
  type DrawnFigure,
  type DrawOptions,
  type ExportFormat,
  type ExportRequest,
  type ExportResult,
} from '../../src/model/export';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'export');
const PROPOSAL = readFileSync(path.join(FIXTURE_DIR, 'service-desk-proposal.md'), 'utf8');

/** What the drawing page answers, drawn by hand: figure N is 300 + N by 120, as SVG or as a white PNG at the chosen scale. */
async function drawByHand(jobs: readonly DrawingJob[], options: DrawOptions, _onDrawn?: (done: number) => void): Promise<DrawnFigure[]> {
  return jobs.map((_job, index) => {
    const width = 300 + index;
    if (options.format === 'svg') {
      return { kind: 'svg', svg: `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="120" viewBox="0 0 ${width} 120"><rect width="${width}" height="120" fill="#ffffff"/></svg>`, width, height: 120 };
    }
    const png = new PNG({ width: width * options.pngScale, height: 120 * options.pngScale });
    png.data.fill(255);
    return { kind: 'png', png: new Uint8Array(PNG.sync.write(png)), width, height: 120 };
  });
}

function request(markdown: string, format: ExportFormat, overrides: Partial<ExportRequest> = {}): ExportRequest {
  return {
    markdown,
    format,
    fileName: 'proposal.md',
    appendices: [],
    terms: builtInTerms(),
    edition: ITIL4,
    theme: 'light',
    pngScale: 2,
    draw: drawByHand,
    readImage: async (file) => {
      try {
        return { bytes: new Uint8Array(readFileSync(path.join(FIXTURE_DIR, file))) };
      } catch {
        return { problem: 'the file does not exist' };
      }
    },
    ...overrides,
  };
}

async function wordXml(result: ExportResult): Promise<{ document: string; styles: string; core: string; media: string[] }> {
  const zip = await JSZip.loadAsync(result.bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    core: await read('docProps/core.xml'),
    media: Object.keys(zip.files).filter((name) => name.startsWith('word/media/')),
  };
}

function paragraphsWithStyle(document: string, style: string): string[] {
  return [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)]
    .map((match) => match[0])
    .filter((paragraph) => paragraph.includes(`<w:pStyle w:val="${style}"/>`))
    .map((paragraph) => [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''));
}

suite('Export: reading the Markdown', () => {
  test('front matter, figures in order with numbered captions, blocks that cannot be drawn, local images', () => {
    const source = readExportSource(PROPOSAL);
    assert.deepEqual(source.metadata, { title: 'Service desk renewal at Contoso Health', author: 'Jordan Ellis, ITSM consulting', date: '2026-11-27' });
    assert.deepEqual(
      source.figures.map((figure) => figure.caption),
      [
        'Figure 1 — Restore a clinical application: flowchart',
        'Figure 2 — Restore a clinical application: schedule',
        'Figure 3 — Fulfil a standard request: flowchart',
        'Figure 4 — Welcome a new clinician: flowchart',
        'Figure 5 — Fulfil a standard request and Welcome a new clinician: schedule',
        'Figure 6 — Change authority by risk',
        'Figure 7 — Programme waves',
        'Figure 8 — A badge reader request',
      ],
    );
    assert.match(source.figures[0]?.altText ?? '', /^Restore a clinical application: Engage \(report\) → Deliver & Support \(diagnose\)/);
    assert.equal(source.figures[5]?.altText, 'Low-risk changes are pre-approved, medium-risk changes go to the team lead, high-risk changes to the change board.');
    const lineOf = (pattern: RegExp) => PROPOSAL.split('\n').findIndex((line) => pattern.test(line)) + 1;
    assert.deepEqual(
      source.problems.map((problem) => [problem.line, problem.code]),
      [
        [lineOf(/activity: engag$/), 'svc/unknown-activity'],
        [lineOf(/duration: 0$/), 'svc/invalid-duration'],
        [lineOf(/^mindmap/), 'svc/unsupported-diagram'],
      ],
      'problems point at the document line',
    );
    assert.deepEqual(source.localImages, ['images/wordmark.png']);
  });

  test('untitled Mermaid blocks are captioned by their type; titles and pie titles are used when given', () => {
    const block = (source: string) => `\`\`\`mermaid\n${source}\n\`\`\`\n`;
    const source = readExportSource(
      [block('sequenceDiagram\n  A->>B: hi'), block('pie title Contacts\n  "Phone" : 60'), block('%% a comment\nstateDiagram-v2\n  title: Ticket states\n  [*] --> Open')].join('\n'),
    );
    assert.deepEqual(
      source.figures.map((figure) => [figure.caption, figure.altText]),
      [
        ['Figure 1 — Sequence diagram', 'Sequence diagram'],
        ['Figure 2 — Contacts', 'Pie chart: Contacts'],
        ['Figure 3 — Ticket states', 'State diagram: Ticket states'],
      ],
    );
  });

  test('front matter that is not YAML is reported and the body still exports', () => {
    const source = readExportSource('---\ntitle: [unclosed\n---\n# Body\n');
    assert.deepEqual(source.metadata, {});
    assert.match(source.notes[0] ?? '', /front matter is not valid YAML/);
  });
});

suite('Export: Word document', () => {
  test('headings in Word heading styles with outline levels, title block and document properties', async () => {
    const result = await exportDocument(request(PROPOSAL, 'docx'));
    const xml = await wordXml(result);
    assert.deepEqual(paragraphsWithStyle(xml.document, 'Title'), [], 'the body opens with the title as its heading: it is not written twice');
    assert.deepEqual(paragraphsWithStyle(xml.document, 'Subtitle'), ['Jordan Ellis, ITSM consulting · 2026-11-27']);
    assert.ok(xml.document.indexOf('Subtitle') > xml.document.indexOf('Heading1'), 'the byline follows the title heading');
    assert.deepEqual(paragraphsWithStyle(xml.document, 'Heading1'), ['Service desk renewal at Contoso Health']);
    assert.deepEqual(paragraphsWithStyle(xml.document, 'Heading2'), ['1. Why change now', '2. Value chain view', '3. Value streams', '4. How a change flows', '5. Next steps']);
    assert.equal(paragraphsWithStyle(xml.document, 'Heading3').length, 3);
    assert.match(xml.styles, /<w:style w:type="paragraph" w:styleId="Heading1">(?:(?!<\/w:style>).)*<w:name w:val="Heading 1"\/>(?:(?!<\/w:style>).)*<w:outlineLvl w:val="0"\/>/s);
    assert.match(xml.styles, /w:styleId="Heading2">(?:(?!<\/w:style>).)*<w:outlineLvl w:val="1"\/>/s);
    assert.match(xml.core, /<dc:title>Service desk renewal at Contoso Health<\/dc:title>/);
    assert.match(xml.core, /<dc:creator>Jordan Ellis, ITSM consulting<\/dc:creator>/);
  });

  test('one image per drawn figure with its description as alt text, and the local image', async () => {
    const result = await exportDocument(request(PROPOSAL, 'docx'));
    const xml = await wordXml(result);
    assert.equal(result.figureCount, 8);
    assert.equal(xml.media.length, 9, '8 figures and the wordmark');
    const drawings = [...xml.document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((match) => match[1]);
    assert.equal(drawings.length, 9);
    assert.ok(drawings.includes('Low-risk changes are pre-approved, medium-risk changes go to the team lead, high-risk changes to the change board.'));
    assert.deepEqual(paragraphsWithStyle(xml.document, 'Caption').slice(0, 2), ['Figure 1 — Restore a clinical application: flowchart', 'Figure 2 — Restore a clinical application: schedule']);
    // Figure 1 is 300 px wide at 96 dpi: 300 × 9525 EMU, whatever the PNG's scale.
    assert.match(xml.document, /<wp:extent cx="2857500" cy="1143000"\/>/);
  });

  test('a front matter title that the body does not open with is the title block', async () => {
    const xml = await wordXml(await exportDocument(request('---\ntitle: Operating model\nauthor: [A. Person, B. Person]\n---\n# Summary\n\nText.\n', 'docx')));
    assert.deepEqual(paragraphsWithStyle(xml.document, 'Title'), ['Operating model']);
    assert.deepEqual(paragraphsWithStyle(xml.document, 'Subtitle'), ['A. Person, B. Person']);
    assert.deepEqual(paragraphsWithStyle(xml.document, 'Heading1'), ['Summary']);
  });

  test('nested bulleted and numbered lists keep their levels', async () => {
    const xml = await wordXml(await exportDocument(request('- one\n  - two\n    1. three\n    2. four\n- five\n\n1. six\n2. seven\n', 'docx')));
    const levels = [...xml.document.matchAll(/<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g)].map((match) => [Number(match[1]), match[2]]);
    assert.deepEqual(levels.map(([level]) => level), [0, 1, 2, 2, 0, 0, 0]);
    assert.notEqual(levels[0]?.[1], levels[5]?.[1], 'the numbered list after the bulleted one is a list of its own');
  });

  test('tables with a repeated header row, quotes, code blocks, inline code and links', async () => {
    const markdown = '| A | B |\n|---|---|\n| 1 | 2 |\n\n> Quoted **words**\n\n```ini\nkey = value\n```\n\nUse `code` and [a link](https://example.com/page).\n';
    const xml = await wordXml(await exportDocument(request(markdown, 'docx')));
    assert.equal((xml.document.match(/<w:tbl>/g) ?? []).length, 1);
    assert.match(xml.document, /<w:tblHeader\/>/);
    assert.deepEqual(paragraphsWithStyle(xml.document, 'Quote'), ['Quoted words']);
    assert.deepEqual(paragraphsWithStyle(xml.document, 'SourceCode'), ['key = value']);
    assert.match(xml.document, /<w:rFonts w:ascii="Consolas"[^>]*\/><\/w:rPr><w:t xml:space="preserve">code<\/w:t>/);
    const zip = await JSZip.loadAsync((await exportDocument(request(markdown, 'docx'))).bytes);
    assert.match((await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '', /Target="https:\/\/example\.com\/page" TargetMode="External"/);
  });

  test('tables that follow each other stay apart, which a word processor would join into one; appendix rows stay whole', async () => {
    const markdown = '| Activity |\n|---|\n| Plan |\n\n| Practice |\n|---|\n| Service desk |\n';
    const xml = await wordXml(await exportDocument(request(markdown, 'docx', { appendices: ['coverage'] })));
    assert.equal((xml.document.match(/<w:tbl>/g) ?? []).length, 4, 'the document’s two tables and the coverage appendix’s two');
    assert.doesNotMatch(xml.document, /<\/w:tbl><w:tbl>/);
    assert.equal((xml.document.match(/<w:cantSplit\/>/g) ?? []).length, 2, 'the appendix’s two rows are not split across pages; the document’s own rows may be');
  });

  test('links to headings work as in the Markdown preview: ids on headings, links within the document', async () => {
    const markdown = '## 3. Value streams\n\n## Notes\n\n## Notes\n\nSee [the streams](#3-value-streams) and [the second notes](#notes-1).\n';
    const html = new TextDecoder().decode((await exportDocument(request(markdown, 'html'))).bytes);
    assert.match(html, /<h2 id="3-value-streams">3\. Value streams<\/h2>\n<h2 id="notes">Notes<\/h2>\n<h2 id="notes-1">Notes<\/h2>/);
    const xml = await wordXml(await exportDocument(request(markdown, 'docx')));
    const bookmark = /<w:bookmarkStart w:name="([^"]+)"[^>]*\/><w:bookmarkEnd[^>]*\/><w:r><w:t xml:space="preserve">3\. Value streams</.exec(xml.document)?.[1];
    assert.ok(bookmark, 'the heading is a bookmark');
    assert.match(xml.document, new RegExp(`<w:hyperlink w:history="1" w:anchor="${bookmark}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">the streams<`));
  });

  test('a block that cannot be drawn shows its problems in a box; a missing or remote image says so', async () => {
    const markdown = '```valuestream\nvalueStream: X\nsteps:\n  - id: a\n    activity: nowhere\n```\n\n![gone](missing.png) ![web](https://example.com/a.png)\n';
    const result = await exportDocument(request(markdown, 'docx'));
    const xml = await wordXml(result);
    assert.match(xml.document, /This value stream could not be drawn/);
    assert.match(xml.document, /Line 5: <\/w:t><\/w:r><w:r><w:rPr><w:rFonts w:ascii="Consolas"[^>]*\/><\/w:rPr><w:t xml:space="preserve">nowhere<\/w:t><\/w:r><w:r><w:t xml:space="preserve"> is not a value chain activity/, 'names in backticks are code');
    assert.match(xml.document, /<w:pBdr><w:top w:val="single" w:color="B42318"/, 'the box has a border');
    assert.match(xml.document, /\[Image not included: gone \(missing\.png\): the file does not exist\]/);
    assert.match(xml.document, /\[Image not included: web \(https:\/\/example\.com\/a\.png\): it is on the web/);
    assert.deepEqual(result.problems.map((problem) => [problem.line, problem.code]), [[5, 'svc/unknown-activity']]);
    assert.deepEqual(result.notes, ['The image missing.png is not included: the file does not exist.']);
  });

  test('an SVG image of the document is drawn as PNG for Word and embedded as it is in HTML', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>';
    const jobs: DrawingJob[] = [];
    const recordingDraw: ExportRequest['draw'] = async (given, options, onDrawn) => {
      jobs.push(...given);
      return drawByHand(given, options, onDrawn);
    };
    const readImage: ExportRequest['readImage'] = async () => ({ bytes: new TextEncoder().encode(svg) });
    const word = await exportDocument(request('![Org chart](org.svg)\n', 'docx', { draw: recordingDraw, readImage }));
    assert.deepEqual(jobs, [{ kind: 'image', svg }]);
    const xml = await wordXml(word);
    assert.deepEqual(xml.media.map((name) => name.replace(/^.*\./, '')), ['png']);
    assert.match(xml.document, /descr="Org chart"/);
    const html = new TextDecoder().decode((await exportDocument(request('![Org chart](org.svg)\n', 'html', { readImage }))).bytes);
    assert.match(html, /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Org chart">/);
  });

  test('a figure the page could not draw becomes a problem box, not a gap', async () => {
    const failing: ExportRequest['draw'] = async (jobs) => jobs.map(() => ({ kind: 'failed', error: 'Parse error on line 2' }));
    const result = await exportDocument(request('```mermaid\nflowchart LR\n  A -->\n```\n', 'docx', { draw: failing }));
    const xml = await wordXml(result);
    assert.match(xml.document, /Figure 1 — Flowchart could not be drawn/);
    assert.match(xml.document, /Line 2: Parse error on line 2/);
    assert.deepEqual(result.problems.map((problem) => problem.code), ['svc/figure-not-drawn']);
  });
});

suite('Export: HTML document', () => {
  test('one inline SVG per figure, captions, no script, nothing loaded from elsewhere', async () => {
    const result = await exportDocument(request(PROPOSAL, 'html'));
    const html = new TextDecoder().decode(result.bytes);
    assert.equal((html.match(/<svg\b/g) ?? []).length, 8);
    assert.equal((html.match(/<figcaption>/g) ?? []).length, 8);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">/);
    assert.match(html, /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Contoso Health wordmark">/);
    assert.doesNotMatch(html, /<(img|link|iframe)[^>]+(src|href)="https?:/i, 'nothing is loaded from the network');
    assert.match(html, /<svg role="img" aria-label="Low-risk changes are pre-approved/);
    assert.match(html, /<title>Service desk renewal at Contoso Health<\/title>/);
    assert.match(html, /Mermaid mindmap diagrams are not drawn in exports/);
    assert.match(html, /<pre><code>mindmap\n/, 'the source of a diagram that is not drawn is kept');
  });

  test('a short table of figures under each value stream’s flowchart, in the stream’s unit', async () => {
    const markdown = '# Onboarding\n\n```valuestream\nvalueStream: Onboarding\nunit: days\nsteps:\n  - id: ask\n    activity: engage\n  - id: build\n    activity: obtain-build\n    duration: 3\n  - id: run\n    activity: deliver-and-support\n    after: [ask]\n```\n';
    const html = new TextDecoder().decode((await exportDocument(request(markdown, 'html'))).bytes);
    const afterFlowchart = html.slice(html.indexOf('Figure 1 — Onboarding: flowchart'), html.indexOf('Figure 2 — Onboarding: schedule'));
    assert.match(afterFlowchart, /<p class="svc-metrics-title"><strong>Onboarding: where the time goes<\/strong><\/p>/);
    const rows = [...afterFlowchart.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((row) => `${row[1]}: ${row[2]}`);
    assert.deepEqual(rows, [
      'Lead time: 4 days',
      'Work: 5 days',
      'Waiting: 0 days',
      'Flow efficiency: 100%',
      'Critical path: ask → build',
      'Time per activity: Engage 1 day · Obtain/Build 3 days · Deliver &amp; Support 1 day',
    ]);
    const proposal = new TextDecoder().decode((await exportDocument(request(PROPOSAL, 'html'))).bytes);
    assert.deepEqual(
      [...proposal.matchAll(/<strong>([^<]*): where the time goes<\/strong>/g)].map((match) => match[1]),
      ['Restore a clinical application', 'Fulfil a standard request', 'Welcome a new clinician'],
      'one table per stream of the document',
    );
    const xml = await wordXml(await exportDocument(request(markdown, 'docx')));
    assert.equal((xml.document.match(/<w:tbl>/g) ?? []).length, 1, 'a Word table too');
    assert.match(xml.document, /Lead time<\/w:t>.*4 days<\/w:t>/s);
  });

  test('raw HTML is shown as text, comments are left out', async () => {
    const html = new TextDecoder().decode((await exportDocument(request('<script>alert(1)</script>\n\nA <b onclick="x()">b</b> line<br>\n\n<!-- svc-disable -->\nText\n<!-- svc-enable -->\n', 'html'))).bytes);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /A &lt;b onclick=&quot;x\(\)&quot;&gt;b&lt;\/b&gt; line<br>/);
    assert.doesNotMatch(html, /svc-disable/);
  });
});

suite('Export: appendices', () => {
  test('ITIL terms used, with the hover cards’ definitions; verbs are not activities', async () => {
    const markdown = '# Plan\n\nWe plan to improve the form. Incident management and the service desk co-create value; Engage starts it.\n';
    const html = new TextDecoder().decode((await exportDocument(request(markdown, 'html', { appendices: ['terms', 'coverage'] }))).bytes);
    assert.match(html, /<h1 class="svc-appendix">Appendix A — ITIL terms used in this document<\/h1>/);
    const rows = [...html.matchAll(/<tr[^>]*><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((match) => match[1]);
    assert.deepEqual(rows, ['Engage', 'Incident management', 'Plan', 'Service desk', 'Value']);
    assert.match(html, /<td>Incident management<\/td><td>[^<]*<\/td><td>Limits the harm incidents do/);
    assert.match(html, /<h1 class="svc-appendix">Appendix B — Document coverage<\/h1>/);
    assert.match(html, /Value chain activities mentioned: 2 of 6\. Practices mentioned: 2 of 34\./);
  });
});

suite('Export: safety', () => {
  test('a document beyond the size limit is refused with a clear message', async () => {
    await assert.rejects(exportDocument(request('x'.repeat(MAX_DOCUMENT_LENGTH + 1), 'html')), (error: Error) => error instanceof ExportError && /too large to export: 10\.0 MB/.test(error.message));
  });

  test('drawn SVG with script, handlers or outside references is not inlined', () => {
    const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${inner}</svg>`;
    assert.ok(isInlineableSvg(svg('<use xlink:href="#a"/><path marker-end="url(#m)"/><image href="data:image/png;base64,AA"/>')));
    assert.ok(!isInlineableSvg(svg('<script>x()</script>')));
    assert.ok(!isInlineableSvg(svg('<rect onload="x()"/>')));
    assert.ok(!isInlineableSvg(svg('<image href="https://example.com/a.png"/>')));
    assert.ok(!isInlineableSvg(svg('<style>@import "https://example.com/a.css";</style>')));
    assert.ok(!isInlineableSvg(svg('<rect style="fill:url(https://example.com/a)"/>')));
  });
});
