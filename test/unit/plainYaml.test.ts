import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { ACTIVITY_IDS } from '../../src/model/activities';
import { EXAMPLE_STREAMS } from '../../src/model/exampleStreams';
import { findValueStreamBlocks } from '../../src/model/markdownBlocks';
import { readPlainYaml } from '../../src/model/plainYaml';
import { parseValueStreams, parseValueStreamsWithYamlLibrary } from '../../src/model/valueStream';
import { NEW_STREAM_TEMPLATES } from '../../src/model/valueStreamTemplates';

const SAMPLES = path.resolve(__dirname, '../../../test/fixtures/workspace');

/** Kind, value and source range of every node, the way the value-stream checks read them. */
function outline(node: unknown): unknown {
  if (isMap(node)) return { map: node.range?.slice(0, 2), items: node.items.map((pair) => (isPair(pair) ? [outline(pair.key), outline(pair.value)] : 'not a pair')) };
  if (isSeq(node)) return { seq: node.range?.slice(0, 2), items: node.items.map(outline) };
  if (isScalar(node)) return { scalar: node.range?.slice(0, 2), value: node.value };
  return node === null ? null : 'other node';
}

function libraryOutline(text: string): unknown {
  return parseAllDocuments(text).map((document) => ({ range: document.range, contents: outline(document.contents as Node) }));
}

function plainOutline(text: string): unknown {
  return readPlainYaml(text)?.map((document) => ({ range: document.range, contents: outline(document.contents) }));
}

/** Every value stream the project ships: samples (files and Markdown blocks), examples and templates. */
function shippedStreams(): { name: string; text: string }[] {
  const streams = EXAMPLE_STREAMS.map((example) => ({ name: `example ${example.id}`, text: example.source }));
  streams.push(...NEW_STREAM_TEMPLATES.map((template) => ({ name: `template ${template.label}`, text: template.text })));
  for (const file of readdirSync(SAMPLES)) {
    const text = readFileSync(path.join(SAMPLES, file), 'utf8');
    if (file.endsWith('.valuestream.yaml')) streams.push({ name: file, text });
    if (file.endsWith('.md')) streams.push(...findValueStreamBlocks(text).map((block, index) => ({ name: `${file} block ${index + 1}`, text: block.content })));
  }
  return streams;
}

function longStream(count: number): string {
  const lines = ['# generated', 'valueStream: Long stream', 'description: "Many steps"', 'steps:'];
  for (let index = 0; index < count; index += 1) {
    lines.push(`  - id: step-${index}`, `    activity: ${ACTIVITY_IDS[index % ACTIVITY_IDS.length]}`, `    title: 'Step ${index}' # note`, '    practices: [service desk, incident management]');
    if (index > 0) lines.push(`    after: [step-${index - 1}]`);
    lines.push(`    duration: ${1 + (index % 3)}`, '');
  }
  return lines.join('\n');
}

suite('Plain YAML reader (fast path of the value-stream parser)', () => {
  test('reads every shipped value stream, with the same result as the yaml library', () => {
    const streams = shippedStreams();
    assert.ok(streams.length >= 8, `found ${streams.length} shipped streams`);
    for (const { name, text } of streams) {
      assert.ok(readPlainYaml(text), `${name} should be plain YAML`);
      assert.deepEqual(parseValueStreams(text), parseValueStreamsWithYamlLibrary(text), name);
    }
  });

  test('builds the nodes, values and source ranges the yaml library builds', () => {
    const texts = [
      longStream(20),
      "# leading comment\nvalueStream: 'It''s quoted'   # trailing\nsteps:\n  - id: 007\n    duration: 1.50\n    lag: -1\n    title: true\n    practices: [ 'service desk' , \"incident management\" ]\n    after: []\n\n  # between steps\n  - id: b\n    title: C# and [brackets], {braces}\n",
      'valueStream: A\nsteps:\n  - id: a\n---\n# second\nvalueStream: B\nsteps:\n    -   id: b\n        activity: ~\n# tail comment\n',
      '---\nvalueStream: Only\nsteps:\n  - plain item\n  - [x]\n',
    ];
    for (const text of texts) {
      assert.ok(readPlainYaml(text), `should be plain YAML: ${text}`);
      assert.deepEqual(plainOutline(text), libraryOutline(text), text);
      assert.deepEqual(parseValueStreams(text), parseValueStreamsWithYamlLibrary(text), text);
    }
  });

  test('declines what it does not fully understand, and the library reads it', () => {
    const declined = {
      anchors: 'valueStream: A\nsteps:\n  - &first\n    id: a\n  - *first\n',
      tags: 'valueStream: !!str A\n',
      'block scalar': 'valueStream: A\ndescription: |\n  two\n  lines\n',
      'multi-line plain scalar': 'valueStream: A\ndescription: one\n  two\n',
      'flow mapping': 'valueStream: A\nsteps: [{ id: a }]\n',
      'multi-line flow list': 'valueStream: A\nsteps:\n  - id: a\n    practices: [service desk,\n      incident management]\n',
      escapes: 'valueStream: "A\\tB"\n',
      tabs: 'valueStream: A\nsteps:\n\t- id: a\n',
      'Windows line breaks': 'valueStream: A\r\nsteps:\r\n  - id: a\r\n',
      'duplicate key': 'valueStream: A\nvalueStream: B\n',
      'bad indentation': 'valueStream: A\nsteps:\n  - id: a\n     activity: plan\n',
      'list at the key indentation': 'valueStream: A\nsteps:\n- id: a\n',
      'empty value': 'valueStream:\nsteps:\n  - id: a\n',
      'nested mapping in a value': 'valueStream: A\nsteps:\n  - id: a: b\n',
      'hexadecimal number': 'valueStream: A\nsteps:\n  - id: 0x1F\n',
      'unclosed quote': "valueStream: 'A\n",
      'only comments': '# nothing yet\n',
      'empty document between markers': 'valueStream: A\n---\n---\nvalueStream: B\n',
      'document end marker': 'valueStream: A\n...\n',
      directive: '%YAML 1.2\n---\nvalueStream: A\n',
    };
    for (const [name, text] of Object.entries(declined)) {
      assert.equal(readPlainYaml(text), undefined, name);
      assert.deepEqual(parseValueStreams(text), parseValueStreamsWithYamlLibrary(text), name);
    }
  });

  test('edited value streams: whenever the fast reader accepts the text, the result is the library\'s', function () {
    // Each run parses twice, once with the slow library: seconds on a busy machine.
    this.timeout(60_000);
    const bases = [...EXAMPLE_STREAMS.map((example) => example.source), longStream(3)];
    const fragments = [' ', '  ', '\n', '\n  ', '- ', ': ', ':', '#', ' # note', '---\n', "'", '"', '[', ']', ',', '{', '&a ', '*a', '!x ', '|', '~', 'null', 'true', '1', '-1', '1.5', '.inf', 'id', 'after', 'steps', 'activity', '\n# comment\n', "''", 'a: b'];
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(4), insert: fc.constantFrom('', ...fragments) });
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(edit, { minLength: 1, maxLength: 3 }), (base, edits) => {
        let text = base;
        for (const { at, remove, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + remove);
        }
        if (!readPlainYaml(text)) return;
        accepted += 1;
        assert.deepEqual(parseValueStreams(text), parseValueStreamsWithYamlLibrary(text), text);
      }),
      { numRuns: 400 },
    );
    assert.ok(accepted > 60, `only ${accepted} of 400 edited streams took the fast path`);
  });
});
