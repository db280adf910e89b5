import * as assert from 'node:assert/strict';
import { chainNodeOfTreeNode, sameStep, stepAtOffset } from '../../src/model/diagrams/diagramLinks';
import type { TextRange } from '../../src/model/documents/textRange';
import { buildValueChainTree } from '../../src/model/explorer/explorerTree';
import { ITIL4 } from '../../src/model/itil/editions';
import { parseValueStreams } from '../../src/model/yamlParsers';

const SOURCE = `valueStream: Incident resolution
steps:
  - id: report
    activity: engage
    duration: 1
  - id: restore
    activity: deliver-and-support
    duration: 2
---
valueStream: Change
steps:
  - id: assess
    activity: plan
    duration: 1
`;

/** The line of `text` that holds `offset`, without its line break, as the preview takes it from the editor. */
function lineAround(text: string, offset: number): TextRange {
  const newline = text.indexOf('\n', offset);
  return { start: text.lastIndexOf('\n', offset - 1) + 1, end: newline === -1 ? text.length : newline };
}

suite('Diagram links: the step under the cursor', () => {
  const { streams } = parseValueStreams(SOURCE);
  const at = (text: string, delta = 0) => {
    const offset = SOURCE.indexOf(text) + delta;
    return stepAtOffset(streams, offset, lineAround(SOURCE, offset));
  };

  test('a cursor anywhere in a step finds that step, in the right stream', () => {
    assert.deepEqual(at('id: report'), { streamIndex: 0, stepIndex: 0 });
    assert.deepEqual(at('activity: engage', 5), { streamIndex: 0, stepIndex: 0 });
    assert.deepEqual(at('activity: deliver'), { streamIndex: 0, stepIndex: 1 });
    assert.deepEqual(at('duration: 2', 11), { streamIndex: 0, stepIndex: 1 }, 'the end of the last line of a step');
    assert.deepEqual(at('id: assess'), { streamIndex: 1, stepIndex: 0 });
  });

  test('the list item dash and the indentation before it belong to the step that starts on that line', () => {
    assert.deepEqual(at('- id: restore'), { streamIndex: 0, stepIndex: 1 });
    assert.deepEqual(at('  - id: restore'), { streamIndex: 0, stepIndex: 1 });
    assert.deepEqual(at('- id: assess'), { streamIndex: 1, stepIndex: 0 });
  });

  test('outside every step there is none', () => {
    assert.equal(at('valueStream: Incident'), undefined);
    assert.equal(at('valueStream: Change'), undefined);
    assert.equal(stepAtOffset(streams, SOURCE.length + 10, { start: SOURCE.length + 10, end: SOURCE.length + 10 }), undefined);
    assert.equal(stepAtOffset([], 0, lineAround('', 0)), undefined);
  });

  test('same step compares stream and step, and undefined with undefined', () => {
    assert.ok(sameStep({ streamIndex: 0, stepIndex: 1 }, { streamIndex: 0, stepIndex: 1 }));
    assert.ok(!sameStep({ streamIndex: 0, stepIndex: 1 }, { streamIndex: 1, stepIndex: 1 }));
    assert.ok(!sameStep({ streamIndex: 0, stepIndex: 1 }, undefined));
    assert.ok(sameStep(undefined, undefined));
  });
});

suite('Diagram links: the SVC diagram node of a Value Chain tree item', () => {
  const tree = buildValueChainTree(ITIL4);
  const demand = tree.roots[0];
  const value = tree.roots[tree.roots.length - 1];

  test('demand, value and every activity map to their node; rows inside an activity map to it', () => {
    assert.ok(demand && value);
    assert.equal(chainNodeOfTreeNode(demand), 'demand');
    assert.equal(chainNodeOfTreeNode(value), 'value');
    const engage = tree.roots.find((node) => node.activityId === 'engage' && node.kind === 'activity');
    assert.ok(engage);
    assert.equal(chainNodeOfTreeNode(engage), 'engage');
    for (const child of engage.children) assert.equal(chainNodeOfTreeNode(child), 'engage', child.label);
    assert.ok(demand.children.length > 0);
    for (const link of demand.children) assert.equal(chainNodeOfTreeNode(link), link.activityId, 'an activity listed under demand is that activity');
  });
});
