import * as assert from 'node:assert/strict';
import {
  DEFAULT_EXPORT_OPTIONS,
  MAX_TRIED_DURATION,
  decodePngBase64,
  exportOptionsFrom,
  isExportableSvg,
  parseWebviewMessage,
  triedDurationsProblem,
} from '../../src/model/diagrams/diagramProtocol';
import { parseValueStreams } from '../../src/model/yamlParsers';

const REPORT = {
  theme: 'dark',
  diagrams: [{ kind: 'flowchart', nodeLabels: ['Plan'] }],
  errors: [],
  cardTitle: 'Plan',
  zoom: 1,
  renderCount: 2,
  selectedNodes: ['PL'],
  description: 'Demand and opportunity enter through Plan, Engage and Improve',
  criticalNodes: ['vs0_s1'],
  metrics: 'Lead time 4 days',
};

suite('Diagram webview messages', () => {
  test('well-formed messages pass with exactly their fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'nodeSelected', nodeId: 'obtain-build' }), { type: 'nodeSelected', nodeId: 'obtain-build' });
    assert.deepEqual(parseWebviewMessage({ type: 'nodeSelected', nodeId: 'demand' }), { type: 'nodeSelected', nodeId: 'demand' });
    assert.deepEqual(parseWebviewMessage({ type: 'stepSelected', streamIndex: 1, stepIndex: 0 }), { type: 'stepSelected', streamIndex: 1, stepIndex: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'errorSelected', errorIndex: 3 }), { type: 'errorSelected', errorIndex: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'runCommand', command: 'svc.revealInValueChain', args: ['plan'] }), {
      type: 'runCommand',
      command: 'svc.revealInValueChain',
      args: ['plan'],
    });
    assert.deepEqual(parseWebviewMessage({ type: 'toolbar', action: 'exportPng' }), { type: 'toolbar', action: 'exportPng' });
    assert.deepEqual(parseWebviewMessage({ type: 'response', requestId: 4, ok: true, value: '<svg></svg>' }), { type: 'response', requestId: 4, ok: true, value: '<svg></svg>' });
    assert.deepEqual(parseWebviewMessage({ type: 'response', requestId: 4, ok: false, error: 'boom' }), { type: 'response', requestId: 4, ok: false, error: 'boom' });
    assert.deepEqual(parseWebviewMessage({ type: 'response', requestId: 5, ok: true, value: REPORT }), { type: 'response', requestId: 5, ok: true, value: REPORT });
    assert.deepEqual(parseWebviewMessage({ type: 'imageCopied', blob: 'x' }), { type: 'imageCopied' });
    assert.deepEqual(parseWebviewMessage({ type: 'imageCopyFailed', error: 'NotAllowedError: Write permission denied.' }), {
      type: 'imageCopyFailed',
      error: 'NotAllowedError: Write permission denied.',
    });
    assert.equal((parseWebviewMessage({ type: 'imageCopyFailed', error: 'x'.repeat(5_000) }) as { error: string }).error.length, 2_000, 'long errors are cut');
    assert.deepEqual(parseWebviewMessage({ type: 'applyDurations', streamIndex: 1, revision: 7, durations: [{ stepIndex: 2, stepId: 'build', duration: 2.5, extra: true }], extra: 1 }), {
      type: 'applyDurations',
      streamIndex: 1,
      revision: 7,
      durations: [{ stepIndex: 2, stepId: 'build', duration: 2.5 }],
    });
  });

  test('anything else is dropped', () => {
    const rejected: unknown[] = [
      null,
      'ready',
      [],
      {},
      { type: 'unknown' },
      { type: 'nodeSelected', nodeId: 'operate' },
      { type: 'nodeSelected', nodeId: 42 },
      { type: 'stepSelected', streamIndex: -1, stepIndex: 0 },
      { type: 'stepSelected', streamIndex: 0.5, stepIndex: 0 },
      { type: 'stepSelected', streamIndex: '0', stepIndex: 0 },
      { type: 'errorSelected', errorIndex: Number.NaN },
      { type: 'runCommand', command: 'svc.revealInValueChain', args: 'plan' },
      { type: 'runCommand', command: 'svc.revealInValueChain', args: [{}] },
      { type: 'runCommand', command: 'svc.revealInValueChain', args: ['a', 'b', 'c', 'd', 'e'] },
      { type: 'runCommand', command: 'svc.revealInValueChain', args: ['x'.repeat(201)] },
      { type: 'runCommand', args: [] },
      { type: 'toolbar', action: 'deleteEverything' },
      { type: 'response', requestId: 'x', ok: true, value: '' },
      { type: 'response', requestId: 1, ok: 'yes', value: '' },
      { type: 'response', requestId: 1, ok: true, value: 42 },
      { type: 'response', requestId: 1, ok: true, value: { ...REPORT, theme: 'purple' } },
      { type: 'response', requestId: 1, ok: true, value: { ...REPORT, diagrams: [{ kind: 'pie', nodeLabels: [] }] } },
      { type: 'response', requestId: 1, ok: true, value: { ...REPORT, zoom: Infinity } },
      { type: 'response', requestId: 1, ok: true, value: { ...REPORT, selectedNodes: 'PL' } },
      { type: 'response', requestId: 1, ok: true, value: { ...REPORT, selectedNodes: [7] } },
      { type: 'response', requestId: 1, ok: true, value: { ...REPORT, description: undefined } },
      { type: 'imageCopyFailed' },
      { type: 'imageCopyFailed', error: { message: 'x' } },
      { type: 'highlightStep', step: { streamIndex: 0, stepIndex: 0 } },
      { type: 'response', requestId: 1, ok: false },
      { type: 'response', requestId: 1, ok: true, value: { ...REPORT, criticalNodes: undefined } },
      { type: 'response', requestId: 1, ok: true, value: { ...REPORT, metrics: 3 } },
      ...[0, -1, Number.NaN, Infinity, MAX_TRIED_DURATION * 2, '2', null].map((duration) => ({
        type: 'applyDurations',
        streamIndex: 0,
        revision: 1,
        durations: [{ stepIndex: 0, stepId: 'a', duration }],
      })),
      { type: 'applyDurations', streamIndex: 0, revision: 1, durations: [{ stepIndex: 0.5, stepId: 'a', duration: 1 }] },
      { type: 'applyDurations', streamIndex: 0, revision: 1, durations: [{ stepIndex: 0, stepId: 7, duration: 1 }] },
      { type: 'applyDurations', streamIndex: 0, revision: 1, durations: [{ stepIndex: 0, stepId: 'x'.repeat(201), duration: 1 }] },
      { type: 'applyDurations', streamIndex: 0, revision: 1, durations: 'all' },
      { type: 'applyDurations', streamIndex: 0, revision: 1, durations: Array.from({ length: 1001 }, (_, stepIndex) => ({ stepIndex, stepId: 's', duration: 1 })) },
      { type: 'applyDurations', streamIndex: -1, revision: 1, durations: [] },
      { type: 'applyDurations', streamIndex: 0, durations: [] },
    ];
    for (const message of rejected) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  test('export settings: light and 2× unless the user picked editor or 1×; anything else is the default', () => {
    assert.deepEqual(DEFAULT_EXPORT_OPTIONS, { theme: 'light', pngScale: 2 });
    assert.deepEqual(exportOptionsFrom(undefined, undefined), { theme: 'light', pngScale: 2 });
    assert.deepEqual(exportOptionsFrom('editor', 1), { theme: 'editor', pngScale: 1 });
    assert.deepEqual(exportOptionsFrom('light', '1'), { theme: 'light', pngScale: 1 });
    assert.deepEqual(exportOptionsFrom('dark', 3), { theme: 'light', pngScale: 2 });
    assert.deepEqual(exportOptionsFrom({ theme: 'editor' }, Number.NaN), { theme: 'light', pngScale: 2 });
  });

  test('a PNG is accepted only as base64 with the PNG signature', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const base64 = btoa(String.fromCharCode(...png));
    assert.deepEqual(decodePngBase64(base64), png);
    assert.equal(decodePngBase64(btoa('GIF89a-not-a-png')), undefined);
    assert.equal(decodePngBase64('not base64!'), undefined);
    assert.equal(decodePngBase64('abc'), undefined);
  });

  test('an SVG is accepted only as one svg document without scripts', () => {
    assert.ok(isExportableSvg('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&lt;script&gt;</text></svg>'));
    assert.ok(isExportableSvg('<svg><g/></svg>'));
    assert.equal(isExportableSvg('<html><svg></svg></html>'), false);
    assert.equal(isExportableSvg('<svg><script>alert(1)</script></svg>'), false);
    assert.equal(isExportableSvg('<svg></svg><img>'), false);
  });
});

suite('Tried durations', () => {
  const streams = parseValueStreams('valueStream: T\nsteps:\n  - id: a\n    activity: engage\n  - id: b\n    activity: deliver-and-support\n').streams;
  const shown = { revision: 3, textUnchanged: true, streams };
  const tried = { streamIndex: 0, revision: 3, durations: [{ stepIndex: 1, stepId: 'b', duration: 4 }] };

  test('are written only into the document the preview showed, with every step where it was', () => {
    assert.equal(triedDurationsProblem(tried, shown), undefined);
    assert.match(triedDurationsProblem({ ...tried, revision: 2 }, shown) ?? '', /The document has changed since the preview showed these figures/);
    assert.match(triedDurationsProblem(tried, { ...shown, textUnchanged: false }) ?? '', /has changed since/);
    assert.match(triedDurationsProblem({ ...tried, streamIndex: 1 }, shown) ?? '', /no longer in the document/);
    assert.match(triedDurationsProblem({ ...tried, durations: [{ stepIndex: 1, stepId: 'a', duration: 4 }] }, shown) ?? '', /Step `a` is no longer where the preview showed it/);
    assert.match(triedDurationsProblem({ ...tried, durations: [{ stepIndex: 5, stepId: 'b', duration: 4 }] }, shown) ?? '', /Step `b` is no longer/);
    assert.match(triedDurationsProblem({ ...tried, durations: [] }, shown) ?? '', /No duration has been tried/);
  });
});
