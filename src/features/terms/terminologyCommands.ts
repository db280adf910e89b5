/**
 * The terminology checker's command ids, diagnostic source and context key: what activation registers and what
 * other features (the walkthrough) refer to, without loading the checker.
 */
export const DIAGNOSTIC_SOURCE = 'ITIL 4';
export const FIX_ALL_COMMAND = 'svc.terminology.fixAll';
/** Set once the fix-all command has replaced outdated terms: completes that walkthrough step. */
export const OUTDATED_TERMS_REPLACED_CONTEXT = 'svc.outdatedTermsReplaced';
export const IGNORE_TERM_COMMAND = 'svc.terminology.ignoreTerm';
export const EXPLAIN_TERM_COMMAND = 'svc.terminology.explain';
