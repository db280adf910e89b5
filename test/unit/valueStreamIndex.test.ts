import * as assert from 'node:assert/strict';
import { EXAMPLE_STREAMS } from '../../src/model/itil/exampleStreams';
import {
  ValueStreamIndex,
  indexSource,
  type ValueStreamReader,
  looksBinary,
} from '../../src/model/valueStreams/valueStreamIndex';
import { LineMap } from '../../src/model/documents/lineMap';
import { documentKind } from '../../src/model/documents/documentKind';
import { mayContainValueStream } from '../../src/model/documents/fences';
import { readValueStreams } from '../../src/model/valueStreams/valueStreamSources';

const MARKDOWN_WITH_STREAM = `# Onboarding

Some prose first.

\`\`\`valuestream
valueStream: Laptop onboarding
steps:
  - id: ask
    activity: engage
    title: User asks for a laptop
  - id: ship
    activity: deliver-and-support
    title: Ship it
\`\`\`
`;

/** The real parser, counting how often it runs. */
function countingParser(): { parse: ValueStreamReader; calls: () => number } {
  let calls = 0;
  return {
    parse: (text, kind) => {
      calls += 1;
      return readValueStreams(text, kind);
    },
    calls: () => calls,
  };
}

suite('Value-stream index', () => {
  test('source kinds come from the file name', () => {
    assert.equal(documentKind({ path: '/w/flows/onboarding.valuestream.yaml' }), 'valuestream');
    assert.equal(documentKind({ path: '/w/flows/ONBOARDING.VALUESTREAM.YML' }), 'valuestream');
    assert.equal(documentKind({ path: '/w/docs/readme.md' }), 'markdown');
    assert.equal(documentKind({ path: '/w/docs/notes.markdown' }), 'markdown');
    assert.equal(documentKind({ path: '/w/flows/onboarding.yaml' }), undefined);
    assert.equal(documentKind({ path: '/w/src/index.ts' }), undefined);
  });

  test('only Markdown with a valuestream fence is worth parsing', () => {
    assert.ok(mayContainValueStream(MARKDOWN_WITH_STREAM));
    assert.ok(mayContainValueStream('text\n   ~~~ ValueStream\nvalueStream: x\n~~~\n'));
    assert.ok(!mayContainValueStream('```yaml\nvalueStream: x\n```\n'));
    assert.ok(!mayContainValueStream('Mentions ```valuestream inline, not as a fence'));
    assert.ok(!mayContainValueStream('```valuestreams\n```'));
  });

  test('line map turns offsets into zero-based lines and characters', () => {
    const lines = new LineMap('ab\ncd\r\n\nef');
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(lines.positionAt(8), { line: 3, character: 0 });
    assert.deepEqual(lines.positionAt(9), { line: 3, character: 1 });
  });

  test('a Markdown block yields its stream with steps at their document lines', () => {
    const source = indexSource('file:///w/onboarding.md', 'markdown', MARKDOWN_WITH_STREAM, readValueStreams);
    assert.ok(source);
    assert.equal(source.streams.length, 1);
    const [stream] = source.streams;
    assert.equal(stream?.name, 'Laptop onboarding');
    assert.equal(stream?.position.line, 5);
    assert.deepEqual(
      stream?.steps.map((step) => [step.id, step.activity, step.title, step.position.line]),
      [
        ['ask', 'engage', 'User asks for a laptop', 7],
        ['ship', 'deliver-and-support', 'Ship it', 10],
      ],
    );
    assert.equal(source.errorCount, 0);
  });

  test('the seed examples index with all their steps', () => {
    for (const example of EXAMPLE_STREAMS) {
      const source = indexSource(`svc-example:/${example.id}`, 'valuestream', example.source, readValueStreams);
      assert.equal(source?.streams[0]?.name, example.name);
      assert.ok((source?.streams[0]?.steps.length ?? 0) >= 3);
      assert.ok(source?.streams[0]?.steps.every((step) => step.activity !== undefined));
    }
  });

  test('broken YAML files stay listed with their errors; Markdown without blocks is not listed', () => {
    const broken = indexSource('file:///w/broken.valuestream.yaml', 'valuestream', 'valueStream: [unclosed\nsteps: {', readValueStreams);
    assert.ok(broken);
    assert.ok(broken.errorCount > 0);
    assert.equal(indexSource('file:///w/plain.md', 'markdown', '# Just prose\n', readValueStreams), undefined);
    assert.equal(indexSource('file:///w/blob.md', 'markdown', `\u0000\u0001${MARKDOWN_WITH_STREAM}`, readValueStreams), undefined);
    assert.ok(looksBinary('PNG\u0000\u0000'));
  });

  test('the index re-parses only the source it is given and reports whether the listing changed', () => {
    const parser = countingParser();
    const index = new ValueStreamIndex(parser.parse);
    assert.equal(index.update('file:///w/a.md', 'markdown', '# nothing here\n'), false);
    assert.equal(parser.calls(), 0, 'plain Markdown never reaches the parser');
    assert.equal(index.update('file:///w/b.md', 'markdown', MARKDOWN_WITH_STREAM), true);
    assert.equal(index.update('file:///w/a.valuestream.yaml', 'valuestream', EXAMPLE_STREAMS[0]?.source ?? ''), true);
    assert.equal(parser.calls(), 2);
    assert.equal(index.update('file:///w/b.md', 'markdown', MARKDOWN_WITH_STREAM), false, 'same content, same listing');
    assert.equal(parser.calls(), 3);
    assert.deepEqual(
      index.list().map((source) => source.key),
      ['file:///w/a.valuestream.yaml', 'file:///w/b.md'],
    );
    assert.equal(index.update('file:///w/b.md', 'markdown', '# block removed\n'), true);
    assert.deepEqual(
      index.list().map((source) => source.key),
      ['file:///w/a.valuestream.yaml'],
    );
  });

  test('removing a folder removes every source under it', () => {
    const index = new ValueStreamIndex();
    index.update('file:///w/docs/a.md', 'markdown', MARKDOWN_WITH_STREAM);
    index.update('file:///w/docs/sub/b.md', 'markdown', MARKDOWN_WITH_STREAM);
    index.update('file:///w/docs2/c.md', 'markdown', MARKDOWN_WITH_STREAM);
    assert.deepEqual(index.removeUnder('file:///w/docs/').sort(), ['file:///w/docs/a.md', 'file:///w/docs/sub/b.md']);
    assert.equal(index.size, 1);
    assert.equal(index.remove('file:///w/docs2/c.md'), true);
    assert.equal(index.remove('file:///w/docs2/c.md'), false);
  });
});
