import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  blockOffsetToDocument,
  documentOffsetToBlock,
  findValueStreamBlocks,
  parseMarkdownValueStreams,
} from '../../src/model/valueStreams/markdownBlocks';
import { EXAMPLE_STREAMS } from '../../src/model/itil/exampleStreams';
import { isInsideFencedBlock, isValueStreamInfo } from '../../src/model/documents/fences';

const INCIDENT = EXAMPLE_STREAMS[1].source;

suite('Markdown value-stream blocks', () => {
  test('finds ``` and ~~~ blocks and ignores other languages', () => {
    const markdown = `# Title\n\n\`\`\`valuestream\n${INCIDENT}\`\`\`\n\n\`\`\`yaml\nvalueStream: not me\n\`\`\`\n\n~~~valuestream\n${INCIDENT}~~~\n`;
    const blocks = findValueStreamBlocks(markdown);
    assert.equal(blocks.length, 2);
    for (const block of blocks) {
      assert.equal(block.content, INCIDENT);
      assert.equal(markdown.slice(block.contentStart, block.contentEnd), INCIDENT);
      assert.ok(block.closed);
    }
    assert.equal(markdown.slice(blocks[0].openingFence.start, blocks[0].openingFence.end), '```valuestream');
  });

  test('info strings: case, attributes, and look-alikes', () => {
    assert.ok(isValueStreamInfo('valuestream'));
    assert.ok(isValueStreamInfo(' ValueStream {title="x"}'));
    assert.ok(isValueStreamInfo('valuestream{.wide}'));
    assert.ok(!isValueStreamInfo('valuestreams'));
    assert.ok(!isValueStreamInfo('yaml valuestream'));
  });

  test('fences inside other fences are content, and a longer fence needs a longer close', () => {
    const markdown = '````markdown\n```valuestream\nvalueStream: x\n```\n````\n\n````valuestream\n' + INCIDENT + '```\nstill content\n````\n';
    const blocks = findValueStreamBlocks(markdown);
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0].content, `${INCIDENT}\`\`\`\nstill content\n`);
  });

  test('indented fences strip up to the fence indentation and map offsets back', () => {
    const indented = INCIDENT.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
    const markdown = `Intro\n  \`\`\`valuestream\n${indented}  \`\`\`\n`;
    const [block] = findValueStreamBlocks(markdown);
    assert.equal(block.content, INCIDENT);
    const { findings, streams } = parseMarkdownValueStreams(markdown);
    assert.deepEqual(findings, []);
    const restore = streams[0].steps[1];
    assert.equal(markdown.slice(restore.idRange.start, restore.idRange.end), 'restore');
    assert.equal(markdown.slice(restore.activityRange?.start, restore.activityRange?.end), 'deliver-and-support');
    const offsetInContent = block.content.indexOf('restore');
    assert.equal(documentOffsetToBlock(block, blockOffsetToDocument(block, offsetInContent)), offsetInContent);
    assert.equal(documentOffsetToBlock(block, 0), undefined);
  });

  test('four spaces of indentation is not a fence', () => {
    assert.equal(findValueStreamBlocks('    ```valuestream\n    valueStream: x\n    ```\n').length, 0);
  });

  test('an unclosed fence runs to the end of the document', () => {
    const markdown = `Text\n\`\`\`valuestream\n${INCIDENT}`;
    const [block] = findValueStreamBlocks(markdown);
    assert.equal(block.closed, false);
    assert.equal(block.content, INCIDENT);
    assert.equal(block.range.end, markdown.length);
  });

  test('findings are mapped to document offsets, with CRLF line breaks', () => {
    const markdown = 'Intro\r\n\r\n```valuestream\r\nvalueStream: x\r\nsteps:\r\n  - id: a\r\n    activity: engag\r\n```\r\n';
    const { findings, blocks } = parseMarkdownValueStreams(markdown);
    assert.equal(blocks.length, 1);
    const unknown = findings.find((finding) => finding.code === 'svc/unknown-activity');
    assert.ok(unknown);
    assert.equal(markdown.slice(unknown.range.start, unknown.range.end), 'engag');
    assert.equal(markdown.slice(unknown.fixes[0].range.start, unknown.fixes[0].range.end), 'engag');
  });

  test('an empty block gets one finding on its content position', () => {
    const markdown = '```valuestream\n```\n';
    const { findings } = parseMarkdownValueStreams(markdown);
    assert.deepEqual(findings.map((finding) => finding.code), ['svc/missing-field']);
    assert.equal(findings[0].range.start, '```valuestream\n'.length);
  });

  test('never throws and ranges stay inside the document (fuzz)', function () {
    // Thousands of generated inputs: give a busy machine time.
    this.timeout(60_000);
    const parts = fc.constantFrom('```valuestream\n', '~~~valuestream\n', '```\n', '~~~\n', '   ```valuestream\n', 'valueStream: x\n', 'steps:\n', '  - id: a\n', '    activity: plan\n', 'text\n', '\r\n', '  ', '`', '~');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(parts, { maxLength: 30 }).map((list) => list.join(''))), (markdown) => {
        const { findings, blocks } = parseMarkdownValueStreams(markdown);
        for (const { block } of blocks) {
          assert.ok(block.contentStart <= block.contentEnd && block.contentEnd <= markdown.length);
        }
        for (const finding of findings) {
          assert.ok(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= markdown.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

suite('Markdown fenced blocks of any language', () => {
  test('inside a fence means after its opening line and up to its closing line', () => {
    const markdown = 'Text\n```yaml\na: 1\n```\nAfter\n~~~\nopen';
    assert.equal(isInsideFencedBlock(markdown, markdown.indexOf('Text')), false);
    assert.equal(isInsideFencedBlock(markdown, markdown.indexOf('```yaml') + 3), false, 'on the opening fence line');
    assert.equal(isInsideFencedBlock(markdown, markdown.indexOf('a: 1')), true);
    assert.equal(isInsideFencedBlock(markdown, markdown.indexOf('```\nAfter') + 3), true, 'typing the closing fence');
    assert.equal(isInsideFencedBlock(markdown, markdown.indexOf('After')), false);
    assert.equal(isInsideFencedBlock(markdown, markdown.length), true, 'an unclosed fence runs to the end');
  });
});
