/**
 * ITIL terms in prose: the matcher that finds every written form of a practice, activity, concept or outdated
 * name in one pass (with the protected longer names and the topic cue words it reads along), the term set a
 * document is read with (built-in terms as the organisation's glossary changes them), when a one-word activity
 * name means the activity, the hover card of the term under the cursor, the did-you-mean suggestions the checks
 * share, what a terminology finding is and how a writer wrote a name. The terminology check itself is in
 * checker/, which loads on its own.
 */
export * from './activityMentions';
export * from './editDistance';
export * from './effectiveTerms';
export * from './termHover';
export * from './termMatcher';
export * from './terminologyFindings';
export * from './writtenStyle';
export type { Confidence } from './termTopics';
