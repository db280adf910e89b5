/**
 * How sure a finding is, and the cue words that tell what a document is about without being an ITIL term (the term
 * matcher reads them silently). The topics themselves, and which topic an old name's ITIL sense needs, are facts
 * about the old names (model/itil); how a document's evidence is weighed is termEvidence's work.
 */
import type { EvidenceTopic } from '../itil';

export type Confidence = 'certain' | 'likely';

/** Cue words and phrases that tell a topic and are no ITIL term; the term matcher reads them without reporting them. */
export const TOPIC_CUES: readonly { readonly topic: EvidenceTopic; readonly forms: readonly string[] }[] = [
  {
    topic: 'itsm',
    forms: ['ITIL', 'ITSM', 'ServiceNow', 'Jira Service Management', 'BMC Remedy', 'TOPdesk', 'Cherwell', 'Freshservice', 'KEDB', 'OLA', 'OLAs'],
  },
  { topic: 'iso20000', forms: ['ISO/IEC 20000', 'ISO 20000', 'ISO/IEC 20000-1', 'ISO 20000-1'] },
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
