import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACTIVITIES } from '../../src/model/itil/activities';
import { activityColorReference } from '../../src/model/cards';
import { activityClassName } from '../../src/model/diagrams/mermaid/mermaidText';
import { EXAMPLE_STREAMS } from '../../src/model/itil/exampleStreams';
import { valueStreamBlockDiagrams } from '../../src/model/diagrams/mermaid/markdownDiagrams';

suite('Markdown preview diagrams', () => {
  test('a valid block gives one flowchart per stream and a Gantt, coloured by class only', () => {
    const [deployment, incident] = EXAMPLE_STREAMS;
    assert.ok(deployment && incident);
    const result = valueStreamBlockDiagrams(`${deployment.source}---\n${incident.source}`, 3);
    assert.equal(result.kind, 'diagrams');
    if (result.kind !== 'diagrams') return;
    assert.equal(result.streamCount, 2);
    assert.equal(result.sources.length, 3);
    const [first, second, gantt] = result.sources;
    assert.match(first ?? '', /^flowchart LR\n/);
    assert.match(first ?? '', /vs3_s0\["<b>Agree the service in the portfolio<\/b>/);
    assert.match(second ?? '', /vs4_trigger\(\["A user reports a service outage"\]\)/);
    assert.match(gantt ?? '', /^gantt\n {2}title Value streams\n/);
    assert.match(gantt ?? '', /section New service deployment\n/);
    assert.match(gantt ?? '', /Post-incident review :crit, vs4_t2_svc-improve, 3000, 4000/);
    for (const source of result.sources) assert.doesNotMatch(source, /classDef act(?!Unknown)/, 'colours come from the stylesheet');
    assert.match(first ?? '', /class vs3_s0 actPlan/);
  });

  test('a single stream titles the Gantt with its name', () => {
    const [, incident] = EXAMPLE_STREAMS;
    const result = valueStreamBlockDiagrams(incident?.source ?? '', 0);
    assert.equal(result.kind, 'diagrams');
    if (result.kind === 'diagrams') assert.match(result.sources[1] ?? '', /title Incident resolution/);
  });

  test('errors replace the diagrams, with their line inside the block', () => {
    const result = valueStreamBlockDiagrams('valueStream: Broken\nsteps:\n  - id: a\n    activity: plan\n    duration: -2\n', 0);
    assert.equal(result.kind, 'errors');
    if (result.kind !== 'errors') return;
    assert.ok(result.errors.some((error) => error.code === 'svc/invalid-duration' && error.line === 4), JSON.stringify(result.errors));
  });

  test('YAML that does not parse and an empty block are errors, never an exception', () => {
    for (const content of ['valueStream: [unclosed\n  - :', '', 'valueStream: No steps\nsteps: []\n']) {
      const result = valueStreamBlockDiagrams(content, 0);
      assert.equal(result.kind, 'errors', content);
      if (result.kind === 'errors') assert.ok(result.errors.length > 0);
    }
  });
});

suite('Markdown preview stylesheet', () => {
  const css = readFileSync(path.join(__dirname, '..', '..', '..', 'media', 'markdown-preview.css'), 'utf8');

  test('colours every activity class and Gantt task with its theme colour', () => {
    for (const activity of ACTIVITIES) {
      const rule = css.split('\n').find((line) => line.startsWith(`.${activityClassName(activity.id)} > rect`));
      assert.ok(rule, `a rule for ${activityClassName(activity.id)}`);
      assert.ok(rule.includes(`rect.task[id$='_svc-${activity.id}']`), `${activity.id} Gantt bars`);
      assert.ok(rule.includes(`fill: ${activityColorReference(activity.id)} !important`), `${activity.id} uses ${activityColorReference(activity.id)}`);
    }
  });
});
