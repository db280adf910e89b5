/**
 * The shape of an organisation's glossary (`.svc/glossary.yaml`) as the rest of the model uses it. Kept apart from
 * the reader in model/yamlParsers, which needs the `yaml` library: code that only consumes a glossary stays light.
 */
import type { TermRef } from '../terms/termMatcher';
import type { FindingSeverity } from '../valueStreams/valueStreamTypes';
import type { TextRange } from '../documents';

/** Where the glossary lives, relative to a workspace folder (or the folder the CLI checks). */
export const GLOSSARY_PATH = '.svc/glossary.yaml';
export const GLOSSARY_VERSION = 1;

export const GLOSSARY_FINDING_CODES = [
  'svc/glossary-syntax',
  'svc/glossary-version',
  'svc/glossary-unknown-key',
  'svc/glossary-invalid',
  'svc/glossary-missing-field',
  'svc/glossary-empty-definition',
  'svc/glossary-duplicate-term',
  'svc/glossary-unknown-term',
  'svc/glossary-unknown-practice',
  'svc/glossary-rule-conflict',
] as const;

export type GlossaryFindingCode = (typeof GLOSSARY_FINDING_CODES)[number];

export interface GlossaryFinding {
  readonly code: GlossaryFindingCode;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly range: TextRange;
}

/** A term of the organisation's own. */
export interface GlossaryTerm {
  /** Stable within one glossary: the normalized name. */
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly definition: string;
  readonly practiceIds: readonly string[];
  readonly range: TextRange;
}

/** The organisation's own definition and extra spellings of a built-in term. */
export interface GlossaryOverride {
  readonly term: TermRef;
  readonly definition?: string;
  readonly aliases: readonly string[];
  readonly range: TextRange;
}

/** "Say `use`, not `insteadOf`." */
export interface PreferredTermRule {
  readonly id: string;
  readonly use: string;
  readonly insteadOf: readonly string[];
  readonly reason?: string;
  readonly range: TextRange;
}

export interface Glossary {
  /** Name used in hover cards and messages ("Contoso definition"). */
  readonly organisation?: string;
  readonly terms: readonly GlossaryTerm[];
  readonly overrides: readonly GlossaryOverride[];
  /** Built-in terms hidden whole (named by id or main name). */
  readonly hiddenTerms: readonly TermRef[];
  /** Single spellings of built-in terms hidden (named by an alias), normalized. */
  readonly hiddenForms: readonly string[];
  readonly rules: readonly PreferredTermRule[];
}

export interface GlossaryParseResult {
  readonly glossary: Glossary;
  readonly findings: readonly GlossaryFinding[];
}

export const EMPTY_GLOSSARY: Glossary = { terms: [], overrides: [], hiddenTerms: [], hiddenForms: [], rules: [] };
