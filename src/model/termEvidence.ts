/**
 * What a document is about, as far as the terminology checker needs it to tell the senses of an old name
 * apart: "RFC" is a request for change in a change policy and an IETF standard in a protocol design; "CSI"
 * is continual service improvement in ITIL notes and the Container Storage Interface in a Kubernetes runbook.
 *
 * Evidence is counted per document, as the number of distinct cues of each topic: ITIL terms whose mention
 * tells the topic (read from the term matcher's hits) and cue words that are no ITIL term (read by the term
 * matcher silently, see `TOPIC_CUES`). A name never vouches for itself.
 */
import { ITIL4 } from './editions/itil4';
import type { TermRef } from './termMatcher';

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
  | 'product-management';

/** When a name means its ITIL v3 sense, judged on the document's evidence. */
export interface ContextRule {
  /** The topic of the documents that use the name in its ITIL sense. */
  readonly topic: EvidenceTopic;
  /** The name means something else unless the document is about `topic` (an abbreviation with other senses). */
  readonly required?: boolean;
  /** The topic of the name's other sense: a document more about it than about `topic` keeps the name. */
  readonly against?: EvidenceTopic;
}

export type Confidence = 'certain' | 'likely';

/** Cue words and phrases that tell a topic and are no ITIL term; the term matcher reads them without reporting them. */
export const TOPIC_CUES: readonly { readonly topic: EvidenceTopic; readonly forms: readonly string[] }[] = [
  {
    topic: 'itsm',
    forms: ['ITIL', 'ITSM', 'ServiceNow', 'Jira Service Management', 'BMC Remedy', 'TOPdesk', 'Cherwell', 'Freshservice', 'KEDB', 'OLA', 'OLAs', 'ISO/IEC 20000', 'ISO 20000'],
  },
  {
    topic: 'change',
    forms: [
      'change window',
      'change windows',
      'change freeze',
      'change ticket',
      'change tickets',
      'change record',
      'change records',
      'change manager',
      'change approval',
      'change approvals',
      'maintenance window',
      'backout plan',
      'back-out plan',
      'rollback plan',
      'implementation plan',
      'post-implementation review',
    ],
  },
  { topic: 'ietf', forms: ['IETF', 'IANA', 'IESG', 'IRTF', 'Internet-Draft', 'Internet-Drafts', 'Internet Draft', 'Standards Track', 'Proposed Standard', 'BCP', 'ABNF', 'W3C', 'WHATWG'] },
  {
    topic: 'people-change',
    forms: ['ADKAR', 'Prosci', 'Kotter', 'change champion', 'change champions', 'change readiness', 'change fatigue', 'resistance to change', 'change resistance', 'people side of change', 'change adoption'],
  },
  {
    topic: 'infrastructure-as-code',
    forms: ['Ansible', 'Puppet', 'Chef', 'SaltStack', 'CFEngine', 'Terraform', 'infrastructure as code', 'IaC', 'playbook', 'playbooks', 'cookbook', 'cookbooks', 'configuration drift', 'desired state'],
  },
  {
    topic: 'containers',
    forms: ['Kubernetes', 'k8s', 'kubelet', 'kubectl', 'PersistentVolume', 'PersistentVolumes', 'PersistentVolumeClaim', 'PVC', 'StorageClass', 'Helm', 'OpenShift', 'containerd'],
  },
];

const CHANGE_TERMS = [
  'practice:change-enablement',
  'concept:change-request',
  'concept:change-authority',
  'concept:change-schedule',
  'concept:standard-change',
  'concept:normal-change',
  'concept:emergency-change',
  'legacy:change-management',
  'legacy:change-evaluation',
  'legacy:request-for-change',
  'legacy:forward-schedule-of-change',
  'legacy:change-advisory-board',
  'legacy:emergency-change-advisory-board',
];

const ITSM_CONCEPTS = [
  'service-management',
  'incident',
  'problem',
  'known-error',
  'workaround',
  'service-request',
  'service-level-agreement',
  'configuration-item',
  'major-incident',
  'continual-improvement-register',
  'continual-improvement-model',
  'service-value-system',
  'service-value-chain',
];

/** The topics each ITIL term tells when it is mentioned: ITSM practices, concepts and old names, and the change ones. */
const TERM_TOPICS = new Map<string, EvidenceTopic[]>();
function addTermTopic(key: string, topic: EvidenceTopic): void {
  TERM_TOPICS.set(key, [...(TERM_TOPICS.get(key) ?? []), topic]);
}
// The general management practices (risk, project, portfolio management…) are everyday business words: only the
// service and technical ones tell an ITSM document.
for (const group of ITIL4.practiceGroups.filter((candidate) => candidate.id !== 'general')) {
  for (const id of group.practiceIds) addTermTopic(`practice:${id}`, 'itsm');
}
for (const id of ITSM_CONCEPTS) addTermTopic(`concept:${id}`, 'itsm');
for (const key of CHANGE_TERMS) addTermTopic(key, 'change');
addTermTopic('practice:organizational-change-management', 'people-change');

const termTopicCache = new WeakMap<TermRef, readonly EvidenceTopic[]>();
const NO_TOPICS: readonly EvidenceTopic[] = [];

/** The topics a mention of `term` tells; legacy names tell ITSM too. */
export function topicsOfTerm(term: TermRef): readonly EvidenceTopic[] {
  let topics = termTopicCache.get(term);
  if (!topics) {
    const own = TERM_TOPICS.get(`${term.kind}:${term.id}`) ?? [];
    topics = term.kind === 'legacy' && !own.includes('itsm') ? [...own, 'itsm'] : own.length > 0 ? own : NO_TOPICS;
    termTopicCache.set(term, topics);
  }
  return topics;
}

/** The distinct cues of each topic seen in one document. */
export class DocumentEvidence {
  private readonly cues = new Map<EvidenceTopic, Set<unknown>>();

  /** Records one cue; `key` (a term, or a spelling) tells cues apart: the same cue twice counts once. */
  add(topic: EvidenceTopic, key: unknown): void {
    let keys = this.cues.get(topic);
    if (!keys) {
      keys = new Set<unknown>();
      this.cues.set(topic, keys);
    }
    keys.add(key);
  }

  /** How many distinct cues tell `topic`, leaving out the cue `own` (a name does not vouch for itself). */
  support(topic: EvidenceTopic, own?: unknown): number {
    const keys = this.cues.get(topic);
    if (!keys) return 0;
    return own !== undefined && keys.has(own) ? keys.size - 1 : keys.size;
  }
}

/**
 * How sure the checker is that a name governed by `rule` means its ITIL v3 sense in a document with `evidence`:
 * undefined when it means something else. `own` is the name's own cue key. One cue of a required topic makes a
 * finding likely, two make it as certain as the name itself (`base`); evidence of the other sense weakens it
 * and, once it weighs as much, silences it.
 */
export function contextConfidence(rule: ContextRule, evidence: DocumentEvidence, own: unknown, base: Confidence): Confidence | undefined {
  const support = evidence.support(rule.topic, own);
  if (rule.required && support === 0) return undefined;
  const against = rule.against ? evidence.support(rule.against, own) : 0;
  if (against > 0) return against >= support ? undefined : 'likely';
  if (rule.required && support === 1) return 'likely';
  return base;
}
