import * as assert from 'node:assert/strict';
import { diagramHtml } from '../../src/features/diagrams/panels/diagramHtml';
import { mermaidPagePolicy } from '../../src/model/diagrams';

const BUTTON = { face: 'F', label: 'L' };
const OPTIONS = {
  title: 'Diagram <1>',
  cspSource: 'https://webview.example',
  nonce: 'abc123',
  scriptUri: 'https://webview.example/dist/webview/diagramPanel.js',
  styleUri: 'https://webview.example/media/diagram.css',
  strings: { renderFailed: 'Could not "draw"' },
  toolbar: { zoomOut: BUTTON, zoomIn: BUTTON, fit: BUTTON, actualSize: BUTTON, exportSvg: BUTTON, exportPng: BUTTON, copyImage: BUTTON, copySource: BUTTON },
  cardPane: true,
  viewportLabel: 'Diagram',
  summaryLabel: 'The diagram in <words>',
};

suite('Diagram webview HTML', () => {
  test('scripts need the nonce or the webview source; nothing else loads', () => {
    const policy = mermaidPagePolicy('https://webview.example', 'abc123');
    assert.match(policy, /^default-src 'none'; /);
    assert.match(policy, /script-src 'nonce-abc123' https:\/\/webview\.example(;|$)/);
    assert.doesNotMatch(policy, /unsafe-eval|script-src[^;]*unsafe-inline|https?:\/\/\*/);
  });

  test('the entry script carries the nonce and body data reaches dataset names', () => {
    const html = diagramHtml({ ...OPTIONS, data: { documentUri: 'file:///a "b".yaml' } });
    assert.match(html, /<script type="module" nonce="abc123" src="https:\/\/webview\.example\/dist\/webview\/diagramPanel\.js"><\/script>/);
    assert.match(html, / data-document-uri="file:\/\/\/a &quot;b&quot;\.yaml"/, 'camelCase names become data-kebab-case, values escaped');
    assert.match(html, / data-strings="\{&quot;renderFailed&quot;:&quot;Could not \\&quot;draw\\&quot;&quot;\}"/);
    assert.match(html, /<title>Diagram &lt;1&gt;<\/title>/);
    assert.match(html, /<aside id="card"/);
    assert.doesNotMatch(diagramHtml({ ...OPTIONS, cardPane: false }), /id="card"/);
  });

  test('the strip of figures is there, labelled and hidden until filled, only on pages that ask for it', () => {
    assert.match(diagramHtml({ ...OPTIONS, metricsLabel: 'Lead time & <more>' }), /<section id="metrics" class="svc-metrics" aria-label="Lead time &amp; &lt;more&gt;" hidden><\/section>\n<main/);
    assert.doesNotMatch(diagramHtml(OPTIONS), /id="metrics"/);
  });
});
