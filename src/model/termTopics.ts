/**
 * The topics a document can be about, as far as telling the senses of an outdated name apart needs them, the
 * rule that says which topic a name's ITIL sense needs, and the cue words that tell a topic without being an ITIL
 * term (the term matcher reads them silently). How a document's evidence is weighed is termEvidence's work.
 */

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
  /**
   * How many distinct cues of `topic` the document needs before the name is read in its ITIL sense at all: one for
   * an abbreviation with other senses (RFC), two for an everyday phrase (event management). With one cue more, the
   * finding is as certain as the name itself.
   */
  readonly required?: number;
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
