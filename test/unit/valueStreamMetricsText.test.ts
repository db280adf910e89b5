import * as assert from 'node:assert/strict';
import { EXAMPLE_STREAMS } from '../../src/model/itil';
import { parseValueStreams } from '../../src/model/yamlParsers';
import {
  TIME_UNITS,
  criticalPathText,
  formatFigure,
  formatShare,
  formatTime,
  metricsFigures,
  metricsSummary,
  resolveTimeUnit,
  stepTimingText,
  timeAxisLabel,
  valueStreamMetrics,
} from '../../src/model/valueStreams';

suite('Value-stream metrics in words', () => {
  test('times carry the stream’s unit, singular for one, relative units without a unit', () => {
    assert.equal(formatTime(6, 'days'), '6 days');
    assert.equal(formatTime(1, 'weeks'), '1 week');
    assert.equal(formatTime(2.5, 'hours'), '2.5 hours');
    assert.equal(formatTime(3, undefined), '3 units');
    assert.equal(formatTime(1, undefined), '1 unit');
    assert.equal(formatTime(0, 'months'), '0 months');
    assert.equal(timeAxisLabel('days'), 'days');
    assert.equal(timeAxisLabel(undefined), 'relative units');
  });

  test('figures have at most two decimals, no exponent and no negative zero', () => {
    assert.equal(formatFigure(0.1 + 0.2), '0.3');
    assert.equal(formatFigure(2 / 3), '0.67');
    assert.equal(formatFigure(1e15), '1000000000000000');
    assert.equal(formatFigure(-0.001), '0');
    assert.equal(formatFigure(Number.NaN), '—');
  });

  test('shares are whole per cent, and 100% or 0% only when exact', () => {
    assert.equal(formatShare(1), '100%');
    assert.equal(formatShare(0.5), '50%');
    assert.equal(formatShare(2 / 3), '67%');
    assert.equal(formatShare(0.998), '99.8%');
    assert.equal(formatShare(0.9999), '99.9%');
    assert.equal(formatShare(0.001), '0.1%');
    assert.equal(formatShare(0), '0%');
    assert.equal(formatShare(undefined), '—');
  });

  test('units are read in any case, singular or plural, and nothing else is a unit', () => {
    for (const unit of TIME_UNITS) {
      assert.equal(resolveTimeUnit(unit), unit);
      assert.equal(resolveTimeUnit(` ${unit.slice(0, -1).toUpperCase()} `), unit);
    }
    for (const text of ['', 'units', 'fortnights', 'd', 'hrs']) assert.equal(resolveTimeUnit(text), undefined, text);
  });

  test('the summary and the critical path of the seed’s new service deployment', () => {
    const deployment = EXAMPLE_STREAMS.find((example) => example.id === 'new-service-deployment');
    assert.ok(deployment);
    const metrics = valueStreamMetrics(parseValueStreams(deployment.source).streams[0]);
    assert.equal(metricsSummary(metrics, 'weeks'), 'Lead time 6 weeks · work 13 weeks · waiting 0 weeks · flow efficiency 100%');
    assert.equal(criticalPathText(metrics), 'plan → engage → design → build → deliver; improve');
    assert.equal(criticalPathText({ criticalChains: [['a', 'b']], criticalChainCount: 3 }), 'a → b; and 2 more tied chains');
    assert.equal(criticalPathText({ criticalChains: [], criticalChainCount: 0 }), 'none');
  });

  test('the figures every view lists, and a step’s timing with its slack', () => {
    const incident = EXAMPLE_STREAMS.find((example) => example.id === 'incident-resolution');
    assert.ok(incident);
    const [stream] = parseValueStreams(incident.source).streams;
    assert.deepEqual(
      metricsFigures(stream.metrics, 'hours').map((figure) => `${figure.label}: ${figure.value}`),
      [
        'Lead time: 4 hours',
        'Work: 4 hours',
        'Waiting: 0 hours',
        'Flow efficiency: 100%',
        'Critical path: report → restore → review',
        'Time per activity: Improve 1 hour · Engage 1 hour · Deliver & Support 2 hours',
      ],
    );
    assert.equal(stepTimingText({ start: 1, end: 3, slack: 0, critical: true }, 'days'), '1 to 3 days · critical');
    assert.equal(stepTimingText({ start: 0, end: 0.5, slack: 2, critical: false }, undefined), '0 to 0.5 units · slack 2 units');
    assert.deepEqual(metricsFigures(parseValueStreams('valueStream: Empty\nsteps: []\n').streams[0].metrics, undefined).map((figure) => figure.value), ['0 units', '0 units', '0 units', '—', 'none']);
  });
});
