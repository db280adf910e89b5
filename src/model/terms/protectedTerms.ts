/**
 * Longer names that contain an outdated ITIL v3 name and are valid as they stand: ITIL 4 terms (a configuration
 * management database, a technical management practice), industry terms (identity and access management,
 * SIEM) and other senses of an abbreviation (a Request for Comments, a Customer Advisory Board). The term matcher
 * prefers the longest name, so a protected name wins over the old name inside it: it is never flagged, and its
 * hover shows the ITIL 4 term it names, or nothing.
 */
import type { EvidenceTopic } from '../itil';
import type { TermRef } from './termMatcher';

export interface ProtectedTerm {
  /** The names as written; "&" reads as "and", and any capitalisation matches. */
  readonly forms: readonly string[];
  /** The ITIL 4 term the name stands for: its hover card, and a mention of it in Document Coverage. */
  readonly term?: TermRef;
  /** What a mention tells about the document (see termEvidence). */
  readonly topic?: EvidenceTopic;
}

const practice = (id: string): TermRef => ({ kind: 'practice', id });

export const PROTECTED_TERMS: readonly ProtectedTerm[] = [
  // The CMDB and the CMS are the records and tools of service configuration management in ITIL 4 too.
  {
    forms: ['configuration management database', 'configuration management databases', 'configuration management system', 'configuration management systems'],
    term: practice('service-configuration-management'),
  },
  // Configuration management tools (Ansible, Puppet) and software configuration management (version control,
  // builds) are engineering disciplines, not the v2 process.
  { forms: ['configuration management tool', 'configuration management tools', 'software configuration management'] },
  // The third ITIL 4 practice group, not the v3 Technical Management function.
  {
    forms: ['technical management practice', 'technical management group'],
    term: { kind: 'concept', id: 'technical-management-practices' },
  },
  // Identity and access management is part of information security management in ITIL 4.
  {
    forms: ['identity and access management', 'customer identity and access management'],
    term: practice('information-security-management'),
  },
  // Security disciplines in their own right, not the v3 Access Management process.
  { forms: ['privileged access management', 'web access management'] },
  // SIEM: a security tooling discipline, not the v3 Event Management process.
  { forms: ['security information and event management', 'security event management'] },
  // Security disciplines named after what they protect, not the v2 Security Management process.
  { forms: ['network security management', 'cloud security management', 'endpoint security management', 'physical security management'] },
  // The people side of change: ITIL 4 calls it organizational change management, not change enablement.
  {
    forms: ['organisation change management', 'organization change management', 'business change management', 'people change management'],
    term: practice('organizational-change-management'),
  },
  // Schema migrations and product engineering changes, not the v3 Change Management process.
  { forms: ['database change management', 'engineering change management'] },
  // MAM: managing apps on mobile devices, not the v3 Application Management function.
  { forms: ['mobile application management'] },
  // A product management forum of customers, also abbreviated CAB.
  { forms: ['Customer Advisory Board', 'Customer Advisory Boards'], topic: 'product-management' },
  // Windows cabinet files.
  { forms: ['CAB file', 'CAB files', 'CAB archive'] },
  // IETF standards, also abbreviated RFC.
  { forms: ['Request for Comments', 'Requests for Comments', 'RFC Editor'], topic: 'ietf' },
  // The Kubernetes storage interface, also abbreviated CSI.
  { forms: ['Container Storage Interface', 'CSI driver', 'CSI drivers', 'CSI plugin', 'CSI plugins', 'CSI volume', 'CSI volumes', 'CSI node', 'CSI controller', 'CSI sidecar'], topic: 'containers' },
  // A survey score, also abbreviated CSI.
  { forms: ['customer satisfaction index'] },
];
