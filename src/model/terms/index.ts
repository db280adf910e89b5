/**
 * ITIL terms in prose: the matcher that finds every written form of a practice, activity, concept or outdated
 * name in one pass; the term set a document is read with (built-in terms as the organisation's glossary changes
 * them); when a one-word activity name means the activity; the hover card of the term under the cursor; the
 * terminology checker's findings and fixes; and the did-you-mean suggestions the checks share.
 */
export * from './activityMentions';
export * from './editDistance';
export * from './effectiveTerms';
export * from './termHover';
export * from './termMatcher';
export * from './terminology';
