import * as assert from 'node:assert/strict';
import { fencedBlocks, isValueStreamBlock } from '../../src/model/documents/fences';
import { proseRanges } from '../../src/model/documents/proseRanges';
import { findValueStreamBlocks } from '../../src/model/valueStreams/markdownBlocks';

const prose = (markdown: string): string => proseRanges(markdown, 'markdown').map((range) => markdown.slice(range.start, range.end)).join('|');

suite('Fenced blocks: one scanner for prose and value streams', () => {
  test('a fence in a blockquote or a list item is code for prose checks', () => {
    assert.equal(prose('> ```\n> Change Management\n> ```\nafter'), '\nafter');
    assert.equal(prose('- item\n    ```\n    Change Management\n    ```\nafter'), '- item\n|\nafter');
  });

  test('only a fence of the document itself opens a value-stream block', () => {
    const quoted = '> ```valuestream\n> valueStream: x\n> ```\n';
    assert.equal(fencedBlocks(quoted).length, 1);
    assert.equal(isValueStreamBlock(fencedBlocks(quoted)[0]), false);
    assert.equal(findValueStreamBlocks(quoted).length, 0);
    assert.equal(findValueStreamBlocks('   ```valuestream\nvalueStream: x\n   ```\n').length, 1);
  });

  test('a fence of the document is closed only by a fence of the document', () => {
    const markdown = '```valuestream\nvalueStream: x\n    ```\n> ```\n```\nafter';
    const [block] = findValueStreamBlocks(markdown);
    assert.equal(block.content, 'valueStream: x\n    ```\n> ```\n');
    assert.equal(prose(markdown), '\nafter');
  });

  test('CRLF line breaks stay out of the lines and the info string', () => {
    const [block] = fencedBlocks('```yaml\r\na: 1\r\n```\r\n');
    assert.equal(block.info, 'yaml');
    assert.deepEqual(block.range, { start: 0, end: 18 });
    assert.ok(block.closed);
  });
});
