// The terminology checker on the labelled corpus of test/fixtures/prose: precision and recall overall, per kind
// of document and per outdated name, printed with every miss and false alarm. It fails under 95 % recall, on any
// false alarm, on any finding whose confidence or advice differs from its label.
import * as assert from 'node:assert/strict';
import { getLegacyTerm } from '../../src/model/itil';
import { fixAllEdits } from '../../src/model/checks';
import { TerminologyCheck, findOutdatedTerms } from '../../src/model/terms/checker';
import { judge, loadCorpus, type CorpusDocument, type ExpectedFinding, type Judgement, type ReportedFinding } from '../fixtures/prose/corpus';
import { termIndex, type TerminologyFinding } from '../../src/model/terms';

const corpus = loadCorpus();

function reported(finding: TerminologyFinding): ReportedFinding {
  return {
    start: finding.start,
    end: finding.end,
    confidence: finding.confidence,
    // What fix all writes, as the model spells it (a name wrapped across lines keeps its line break when written).
    ...(fixAllEdits([finding]).length > 0 ? { fixAllText: finding.fixes.find((fix) => fix.preferred)?.newText } : {}),
    offered: finding.fixes.map((fix) => fix.newText),
  };
}

/** The outdated name a label or finding is about, as the class it is counted in. */
function classOf(document: CorpusDocument, range: { start: number; end: number }): string {
  const [match] = termIndex().findAll(document.text, range.start, range.end);
  return match?.term.kind === 'legacy' ? getLegacyTerm(match.term.id).term : `“${document.text.slice(range.start, range.end)}”`;
}

interface Tally {
  expected: number;
  found: number;
  falseAlarms: number;
}

function rate(numerator: number, denominator: number): string {
  return denominator === 0 ? '—' : `${((100 * numerator) / denominator).toFixed(1)} %`;
}

function line(document: CorpusDocument, item: { start: number; end: number }): string {
  const lineStart = document.text.lastIndexOf('\n', item.start - 1) + 1;
  const lineEnd = document.text.indexOf('\n', item.end);
  const text = document.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  return `${document.name}: “${document.text.slice(item.start, item.end)}” in: ${text.trim()}`;
}

suite('Terminology on the labelled corpus', () => {
  const judgements = new Map<CorpusDocument, Judgement>(corpus.map((document) => [document, judge(document, findOutdatedTerms(document.text, { format: 'markdown' }).map(reported))]));

  test('the corpus is large and varied enough to mean something', () => {
    const sentences = corpus.reduce((sum, document) => sum + document.sentences, 0);
    const labels = corpus.reduce((sum, document) => sum + document.expected.length, 0);
    const kinds = new Set(corpus.map((document) => document.kind));
    console.log(`      corpus: ${corpus.length} documents of ${kinds.size} kinds, ${sentences} sentences, ${labels} labelled outdated names`);
    assert.ok(sentences >= 300, `${sentences} sentences`);
    assert.ok(kinds.size >= 10, `${kinds.size} kinds`);
    assert.ok(corpus.some((document) => document.expected.length === 0), 'documents without any outdated name');
  });

  test('precision and recall, overall, per kind of document and per outdated name', () => {
    const overall: Tally = { expected: 0, found: 0, falseAlarms: 0 };
    const byKind = new Map<string, Tally>();
    const byName = new Map<string, Tally>();
    const tally = (map: Map<string, Tally>, key: string): Tally => {
      let entry = map.get(key);
      if (!entry) map.set(key, (entry = { expected: 0, found: 0, falseAlarms: 0 }));
      return entry;
    };
    const problems: string[] = [];
    for (const [document, judgement] of judgements) {
      for (const target of [overall, tally(byKind, document.kind)]) {
        target.expected += document.expected.length;
        target.found += judgement.found.length;
        target.falseAlarms += judgement.falseAlarms.length;
      }
      for (const expected of document.expected) tally(byName, classOf(document, expected)).expected++;
      for (const { expected } of judgement.found) tally(byName, classOf(document, expected)).found++;
      for (const alarm of judgement.falseAlarms) tally(byName, classOf(document, alarm)).falseAlarms++;
      problems.push(
        ...judgement.missed.map((item: ExpectedFinding) => `missed      ${line(document, item)}`),
        ...judgement.falseAlarms.map((item) => `false alarm ${line(document, item)}`),
        ...judgement.wrongConfidence.map(({ expected, reported: finding }) => `${finding.confidence} (labelled ${expected.confidence}) ${line(document, expected)}`),
        ...judgement.wrongAdvice.map(({ expected, reported: finding }) => `advice “${finding.fixAllText ?? finding.offered?.[0] ?? ''}” (labelled “${expected.replacement ?? ''}”) ${line(document, expected)}`),
      );
    }
    const row = (label: string, entry: Tally): string =>
      `      ${label.padEnd(44)} recall ${rate(entry.found, entry.expected).padStart(8)}  precision ${rate(entry.found, entry.found + entry.falseAlarms).padStart(8)}  (${entry.found}/${entry.expected}, ${entry.falseAlarms} false alarms)`;
    console.log(row('overall', overall));
    for (const [kind, entry] of [...byKind].sort()) console.log(row(kind, entry));
    for (const [name, entry] of [...byName].sort()) console.log(row(name, entry));
    for (const problem of problems) console.log(`      ${problem}`);

    assert.ok(overall.found / overall.expected >= 0.95, `recall ${rate(overall.found, overall.expected)}`);
    assert.equal(overall.falseAlarms, 0, 'false alarms');
    assert.deepEqual(problems, []);
  });

  test('a document read in small slices gets the findings of a document read at once', () => {
    let pauses = 0;
    for (const document of corpus) {
      const whole = findOutdatedTerms(document.text, { format: 'markdown' });
      const check = new TerminologyCheck(document.text, { format: 'markdown' }, 200);
      while (!check.advance(() => true)) pauses++;
      assert.deepEqual(check.findings, whole, document.name);
    }
    assert.ok(pauses > corpus.length, `${pauses} pauses`);
  });
});
