/**
 * The activity and practice names of a value-stream step: what they resolve to, and for a name that is not
 * ITIL 4's the finding, with did-you-mean fixes or the ITIL 4 names of an outdated one.
 */
import { ACTIVITIES, resolveLegacyTerm, PRACTICES, findPractice, resolvePractice, type Practice } from '../itil';
import type { TextRange } from '../documents';
import { closestMatches } from '../terms/editDistance';
import { practiceWrittenName, valueStreamFinding } from '../valueStreams/valueStreamRules';
import type { Finding, PracticeReference } from '../valueStreams/valueStreamTypes';
import { quoteList } from './yamlNodes';

export function unknownActivityFinding(text: string, range: TextRange): Finding {
  const suggestions = closestMatches(text, ACTIVITIES, (activity) => [activity.id, activity.name, ...activity.writtenForms]);
  const fixes = suggestions.map((activity) => ({ title: `Change to \`${activity.id}\` (${activity.name})`, range, newText: activity.id }));
  const didYouMean = suggestions.length > 0 ? ` Did you mean \`${suggestions[0].id}\`?` : '';
  return valueStreamFinding(
    'svc/unknown-activity',
    `\`${text}\` is not a value chain activity.${didYouMean} Use one of ${quoteList(ACTIVITIES.map((activity) => activity.id))}.`,
    range,
    fixes,
  );
}

export function resolvePracticeReference(text: string, range: TextRange): { readonly reference: PracticeReference; readonly finding: Finding | undefined } {
  const practiceId = resolvePractice(text);
  if (practiceId) return { reference: { text, practiceId, legacyTermId: undefined, range }, finding: undefined };
  const legacy = resolveLegacyTerm(text);
  if (legacy) {
    const practices = legacy.practiceIds.map((id) => findPractice(id)).filter((practice): practice is Practice => practice !== undefined);
    const names = practices.map(practiceWrittenName);
    const fixes = names.map((name) => ({ title: `Change to \`${name}\` (ITIL 4)`, range, newText: name }));
    const advice =
      legacy.mapping === 'rename'
        ? `ITIL 4 calls it \`${names[0] ?? legacy.replacements[0]}\`.`
        : legacy.mapping === 'split'
          ? `ITIL 4 splits it into ${quoteList(names)}: name the one this step uses.`
          : `${legacy.note}`;
    return {
      reference: { text, practiceId: undefined, legacyTermId: legacy.id, range },
      finding: valueStreamFinding('svc/legacy-practice', `\`${text}\` is an ${legacy.era} name. ${advice}`, range, fixes),
    };
  }
  const ambiguousOwners = PRACTICES.filter((practice) =>
    practice.aliases.some((alias) => alias.ambiguous === true && alias.text.toLowerCase() === text.trim().toLowerCase()),
  );
  if (ambiguousOwners.length > 0) {
    const names = ambiguousOwners.map(practiceWrittenName);
    return {
      reference: { text, practiceId: undefined, legacyTermId: undefined, range },
      finding: valueStreamFinding(
        'svc/unknown-practice',
        `\`${text}\` is ambiguous: it can stand for ${quoteList(names)}. Write the full practice name.`,
        range,
        names.map((name) => ({ title: `Change to \`${name}\``, range, newText: name })),
      ),
    };
  }
  const suggestions = closestMatches(text, PRACTICES, (practice) => [
    practice.name,
    ...practice.aliases.filter((alias) => alias.ambiguous !== true).map((alias) => alias.text),
  ]);
  const names = suggestions.map(practiceWrittenName);
  const didYouMean = names.length > 0 ? ` Did you mean \`${names[0]}\`?` : ' Write the name of one of the 34 ITIL 4 practices, e.g. `incident management`.';
  return {
    reference: { text, practiceId: undefined, legacyTermId: undefined, range },
    finding: valueStreamFinding(
      'svc/unknown-practice',
      `\`${text}\` is not an ITIL 4 practice.${didYouMean}`,
      range,
      names.map((name) => ({ title: `Change to \`${name}\``, range, newText: name })),
    ),
  };
}
