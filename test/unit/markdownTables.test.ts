import * as assert from 'node:assert/strict';
import { ACTIVITIES } from '../../src/model/itil/activities';
import { activityTable, blockInsertion, practiceTable } from '../../src/model/explorer/markdownTables';
import { PRACTICES } from '../../src/model/itil/practices';
import { ITIL4 } from '../../src/model/itil/editions';

suite('Markdown tables', () => {
  test('an activity table puts inputs and outputs side by side', () => {
    assert.equal(
      activityTable('plan'),
      [
        '| Inputs to Plan | Outputs of Plan |',
        '| --- | --- |',
        '| Policies and requirements from governance | Strategic, tactical and operational plans |',
        '| Improvement initiatives | Portfolio decisions |',
        '| Demand and opportunities | Architectures and policies |',
        '',
      ].join('\n'),
    );
  });

  test('a practice table summarizes group, purpose, activities, Foundation markers and other names', () => {
    const table = practiceTable('service-level-management', ITIL4);
    const lines = table.trimEnd().split('\n');
    assert.equal(lines[0], '| Practice | Service level management |');
    assert.equal(lines[1], '| --- | --- |');
    assert.match(table, /^\| Group \| Service management practice \(ITIL 4 §5\.2\.\d+\) \|$/m);
    assert.match(table, /^\| Mainly contributes to \| .*Engage.* \|$/m);
    assert.match(table, /^\| Foundation exam \| purpose examinable, studied in detail \|$/m);
    assert.match(table, /^\| Also written as \| .*SLM.* \|$/m);
  });

  test('every table has the same number of cells on every row', () => {
    const tables = [...ACTIVITIES.map((activity) => activityTable(activity.id)), ...PRACTICES.map((practice) => practiceTable(practice.id, ITIL4))];
    for (const table of tables) {
      const cellCounts = table
        .trimEnd()
        .split('\n')
        .map((line) => line.replace(/\\\|/g, '').split('|').length);
      assert.equal(new Set(cellCounts).size, 1, table);
    }
  });

  test('an inserted block gets the blank lines Markdown needs around it', () => {
    const table = '| a |\n| --- |\n';
    assert.equal(blockInsertion(table, '', '', undefined), table);
    assert.equal(blockInsertion(table, '', '', ''), table);
    assert.equal(blockInsertion(table, '', '', 'A paragraph'), `\n${table}`);
    assert.equal(blockInsertion(table, 'Some text', '', undefined), `\n\n${table}`);
    assert.equal(blockInsertion(table, '', 'rest of line', ''), `${table}\n`);
    assert.equal(blockInsertion('| a |', '', '', undefined), '| a |\n');
  });
});
