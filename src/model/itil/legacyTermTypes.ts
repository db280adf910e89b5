/**
 * The shape of an outdated ITIL v3/2011 name: what replaced it, and when a name with other senses (an RFC, a CAB,
 * "event management") means the old ITIL name, by the topics a document can be about. The names themselves are in
 * legacyTerms.ts.
 */

/** The topics a document can be about, as far as telling the senses of an outdated name apart needs them. */
export type EvidenceTopic =
  /** IT service management in general: practices, ITSM concepts, ITIL itself. */
  | 'itsm'
  /** Changes as ITIL runs them: change requests, authorities, schedules, back-out plans. */
  | 'change'
  /** IETF standards: Requests for Comments, Internet-Drafts. */
  | 'ietf'
  /** The people side of change: organizational change management, ADKAR. */
  | 'people-change'
  /** Configuration management of servers by tools: Ansible, Puppet, infrastructure as code. */
  | 'infrastructure-as-code'
  /** Containers and Kubernetes, where CSI is the storage interface. */
  | 'containers'
  /** Product management, where a CAB is a customer advisory board. */
  | 'product-management'
  /** ISO/IEC 20000, whose clauses still use some of the ITIL v3 names (8.5.1 Change management). */
  | 'iso20000';

/** When a name means its ITIL v3 sense, judged on the document's evidence. */
export interface ContextRule {
  /** The topic of the documents that use the name in its ITIL sense. */
  readonly topic: EvidenceTopic;
  /**
   * How many distinct cues of `topic` the document needs before the name is read in its ITIL sense at all: one for
   * an abbreviation with other senses (RFC), two for an everyday phrase (event management). With one cue more, the
   * finding is as certain as the name itself.
   */
  readonly required?: number;
  /** The topic of the name's other sense: a document more about it than about `topic` keeps the name. */
  readonly against?: EvidenceTopic;
}

export type LegacyMapping =
  /** One ITIL 4 name replaces the old one. */
  | 'rename'
  /** The old practice was split across several ITIL 4 practices; each is a valid replacement. */
  | 'split'
  /** No ITIL 4 practice carries the old one: the text needs rewording rather than a new name. */
  | 'absorbed'
  /** The ITIL 4 names are only the closest equivalents: offered, never written without asking. */
  | 'approximate';

/** Spellings that mean the old name only in some documents. */
export interface ContextualForms {
  readonly forms: readonly string[];
  /** Plural spellings: their fixes write the replacement in the plural. */
  readonly plurals?: readonly string[];
  readonly rule: ContextRule;
  /** Counted only when written as a name, each main word capitalised ("Financial Management"). */
  readonly capitalised?: boolean;
}

export interface LegacyTerm {
  readonly id: string;
  /** The old name as ITIL v3/2011 wrote it. */
  readonly term: string;
  /** Other spellings of the old name that mean the same thing. */
  readonly variants: readonly string[];
  /** Plural spellings: their fixes write the replacement in the plural. */
  readonly plurals?: readonly string[];
  /** When the name itself is everyday IT vocabulary or has a sense outside ITSM, the document decides (see termEvidence). */
  readonly context?: ContextRule;
  /** Written in lower case the name is also an everyday phrase ("configuration management of the servers"): likely at most. */
  readonly everydayInLowerCase?: boolean;
  /** Abbreviations with other senses (RFC, CSI, CAB) and everyday words written as the name. */
  readonly contextual?: readonly ContextualForms[];
  /**
   * A vocabulary that still uses the name, told by a topic: in a document of that topic the name may be that
   * vocabulary's own (ISO/IEC 20000-1:2018 titles clause 8.5.1 "Change management"), so it is likely at most.
   */
  readonly keptBy?: EvidenceTopic;
  readonly era: 'ITIL v2' | 'ITIL v3' | 'ITIL v3/2011';
  readonly mapping: LegacyMapping;
  /** ITIL 4 wording to use instead, in order of preference (empty for absorbed terms). */
  readonly replacements: readonly string[];
  /** Practices that now cover the old term. */
  readonly practiceIds: readonly string[];
  /** Why, in one or two sentences; shown in hovers and in the diagnostic for absorbed and approximate terms. */
  readonly note: string;
}
