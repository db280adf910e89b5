import * as assert from 'node:assert/strict';
import { documentKind } from '../../src/model/documents/documentKind';
import { EXAMPLE_STREAMS } from '../../src/model/itil/exampleStreams';
import { readValueStreams, sectionAt } from '../../src/model/valueStreams/valueStreamSources';

const INCIDENT = EXAMPLE_STREAMS[1].source;

suite('Document kinds and their value-stream sources', () => {
  test('the editor language decides when it is one the extension reads, the file name otherwise', () => {
    assert.equal(documentKind({ languageId: 'plaintext', path: '/w/notes.md' }), 'plaintext');
    assert.equal(documentKind({ languageId: 'yaml', path: '/w/flow.valuestream.yaml' }), 'valuestream');
    assert.equal(documentKind({ languageId: 'markdown' }), 'markdown');
    assert.equal(documentKind({ languageId: 'python', path: '/w/tool.py' }), undefined);
    assert.equal(documentKind({}), undefined);
  });

  test('a value-stream file is one section, a Markdown document one per block, plain text none', () => {
    const file = readValueStreams(INCIDENT, 'valuestream');
    assert.equal(file.sections.length, 1);
    assert.deepEqual(file.sections[0].range, { start: 0, end: INCIDENT.length });
    assert.equal(readValueStreams(INCIDENT, 'plaintext').sections.length, 0);

    const indented = INCIDENT.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
    const markdown = `# Notes\n\n  \`\`\`valuestream\n${indented}  \`\`\`\n\nText\n`;
    const source = readValueStreams(markdown, 'markdown');
    assert.equal(source.sections.length, 1);
    const [section] = source.sections;
    assert.equal(section.text, INCIDENT);
    const restore = section.text.indexOf('restore');
    assert.equal(markdown.slice(section.toDocument(restore), section.toDocument(restore) + 'restore'.length), 'restore');
    assert.equal(sectionAt(source, markdown.indexOf('restore')), section);
    assert.equal(sectionAt(source, markdown.indexOf('Text')), undefined);
    assert.deepEqual(source.streams, section.result.streams);
  });
});
