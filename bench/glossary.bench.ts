// Organisation glossary figures: reading a 200-term glossary into effective terms, and what it costs the
// terminology scan of a 1 MB Markdown document, measured side by side with the built-in terms alone.
import { builtInTerms, effectiveTerms } from '../src/model/terms/effectiveTerms';
import { findOutdatedTerms } from '../src/model/terms/checker';
import { availableParallelism, loadavg } from 'node:os';
import { consultantMarkdown } from './terms.bench';
import { cpuMilliseconds, percentile, timeRuns, type BenchFigure } from './figures';
import { parseGlossary } from '../src/model/yamlParsers';

const MEGABYTE = 1024 * 1024;
const TERM_COUNT = 200;
const RULE_COUNT = 20;

/** A large, realistic glossary: 200 terms with aliases and practices, overrides, hidden terms and rules. */
export function largeGlossary(): string {
  const lines = ['version: 1', 'organisation: Contoso', 'terms:'];
  for (let index = 0; index < TERM_COUNT; index++) {
    lines.push(
      `  - name: Contoso platform ${index} review`,
      `    aliases: [CPR${index}, platform ${index} check]`,
      `    definition: The review of platform ${index}, held every quarter by its owner.`,
      `    practices: [${index % 2 === 0 ? 'incident management' : 'problem management'}]`,
    );
  }
  lines.push('overrides:', '  - term: change enablement', '    definition: Run by the change board.', '    aliases: [CAB approval]');
  lines.push('hide: [Value, SLM]', 'preferredTerms:');
  for (let index = 0; index < RULE_COUNT; index++) lines.push(`  - use: service request ${index}`, `    insteadOf: [ticket ${index}]`);
  return lines.join('\n') + '\n';
}

/** The consultant document with some plain words turned into glossary terms and avoided names. */
function documentWithGlossaryTerms(): string {
  let count = 0;
  return consultantMarkdown(MEGABYTE).replace(/\bvendor\b/g, () => {
    count++;
    return count % 3 === 0 ? `ticket ${count % RULE_COUNT}` : `Contoso platform ${count % TERM_COUNT} review`;
  });
}

export async function run(): Promise<BenchFigure[]> {
  const text = largeGlossary();
  const readTimes = timeRuns(() => effectiveTerms(parseGlossary(text).glossary), 20);
  const terms = effectiveTerms(parseGlossary(text).glossary);
  const document = documentWithGlossaryTerms();

  const scanBuiltIn = percentile(timeRuns(() => findOutdatedTerms(document, { format: 'markdown', terms: builtInTerms() }), 15), 0.5);
  const scanGlossary = percentile(timeRuns(() => findOutdatedTerms(document, { format: 'markdown', terms }), 15), 0.5);
  // Fewest CPU milliseconds per scan: what the work costs whatever else runs on the machine.
  const cpuBuiltIn = cpuMilliseconds(() => findOutdatedTerms(document, { format: 'markdown', terms: builtInTerms() }));
  const cpuGlossary = cpuMilliseconds(() => findOutdatedTerms(document, { format: 'markdown', terms }));
  const findings = findOutdatedTerms(document, { format: 'markdown', terms });
  const preferred = findings.filter((finding) => finding.code === 'svc/preferred-term').length;
  const load = `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
  return [
    {
      name: `Glossary read (${TERM_COUNT} terms, ${RULE_COUNT} rules): parse, check, index`,
      value: percentile(readTimes, 0.5),
      unit: 'ms',
      budget: 50,
      better: 'lower',
      note: `median wall clock, ${cpuMilliseconds(() => effectiveTerms(parseGlossary(text).glossary)).toFixed(1)} ms of CPU; ${terms.forms.length} written forms in the index; ${load}`,
    },
    {
      name: `Terminology scan of 1 MB with a ${TERM_COUNT}-term glossary`,
      value: scanGlossary,
      unit: 'ms',
      better: 'lower',
      note: `median wall clock, ${cpuGlossary.toFixed(1)} ms of CPU; ${findings.length} findings (${preferred} from preferred-term rules); built-in terms only: ${scanBuiltIn.toFixed(1)} ms, ${cpuBuiltIn.toFixed(1)} ms of CPU; ${load}`,
    },
    {
      name: `Glossary cost on the 1 MB terminology scan (${TERM_COUNT} terms vs built-ins)`,
      value: cpuGlossary / cpuBuiltIn,
      unit: '×',
      budget: 2,
      better: 'lower',
      note: 'fewest CPU milliseconds of each scan, measured in the same run',
    },
  ];
}
