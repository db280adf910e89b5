/**
 * ITIL v3 / ITIL 2011 names that ITIL 4 replaced, and what to write instead. The terminology checker
 * and the legacy hover cards read this map, with when a name with other senses means the old ITIL name.
 */
import type { LegacyTerm } from './legacyTermTypes';

export const LEGACY_TERMS: readonly LegacyTerm[] = [
  {
    id: 'strategy-management-for-it-services',
    term: 'Strategy Management for IT Services',
    variants: ['Service Strategy Generation'],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['strategy management'],
    practiceIds: ['strategy-management'],
    note: 'ITIL 4 drops the "for IT services" qualifier: strategy management is a general management practice.',
  },
  {
    id: 'service-portfolio-management',
    term: 'Service Portfolio Management',
    variants: [],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['portfolio management'],
    practiceIds: ['portfolio-management'],
    note: 'ITIL 4 widens the scope to products, services, projects and customers: portfolio management.',
  },
  {
    id: 'financial-management-for-it-services',
    term: 'Financial Management for IT Services',
    variants: ['IT Financial Management'],
    contextual: [{ forms: ['Financial Management'], rule: { topic: 'itsm', required: 2 }, capitalised: true }],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['service financial management'],
    practiceIds: ['service-financial-management'],
    note: 'The ITIL 4 name is service financial management.',
  },
  {
    id: 'demand-management',
    term: 'Demand Management',
    variants: [],
    context: { topic: 'itsm', required: 3 },
    keptBy: 'iso20000',
    era: 'ITIL v3/2011',
    mapping: 'absorbed',
    replacements: [],
    practiceIds: ['capacity-and-performance-management', 'portfolio-management', 'relationship-management'],
    note: 'ITIL 4 has no demand management practice: demand is an input to the service value system, forecasting belongs to capacity and performance management, and prioritizing demand to portfolio and relationship management. Reword the sentence around the practice you mean.',
  },
  {
    id: 'business-relationship-management',
    term: 'Business Relationship Management',
    variants: [],
    keptBy: 'iso20000',
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['relationship management'],
    practiceIds: ['relationship-management'],
    note: 'ITIL 4 covers relationships with every stakeholder, not only the business: relationship management. The role "business relationship manager" is still in use.',
  },
  {
    id: 'design-coordination',
    term: 'Design Coordination',
    variants: [],
    era: 'ITIL v3/2011',
    mapping: 'approximate',
    replacements: ['service design'],
    practiceIds: ['service-design'],
    note: 'The closest ITIL 4 practice is service design, which is wider: it also takes in design thinking and customer and user experience.',
  },
  {
    id: 'capacity-management',
    term: 'Capacity Management',
    variants: [],
    context: { topic: 'itsm', required: 3 },
    keptBy: 'iso20000',
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['capacity and performance management'],
    practiceIds: ['capacity-and-performance-management'],
    note: 'ITIL 4 adds performance to the name: capacity and performance management.',
  },
  {
    id: 'it-service-continuity-management',
    term: 'IT Service Continuity Management',
    variants: ['ITSCM'],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['service continuity management'],
    practiceIds: ['service-continuity-management'],
    note: 'The ITIL 4 name is service continuity management.',
  },
  {
    id: 'transition-planning-and-support',
    term: 'Transition Planning and Support',
    variants: [],
    era: 'ITIL v3/2011',
    mapping: 'absorbed',
    replacements: [],
    practiceIds: ['project-management', 'change-enablement', 'release-management', 'deployment-management'],
    note: 'ITIL 4 has no such practice: its work is spread over project management, change enablement, release management and deployment management. Name the one you mean.',
  },
  {
    id: 'change-management',
    term: 'Change Management',
    variants: ['IT Change Management'],
    context: { topic: 'change', against: 'people-change' },
    keptBy: 'iso20000',
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['change enablement'],
    practiceIds: ['change-enablement'],
    note: 'ITIL 4 calls it change enablement (the 2019 Foundation book said change control). Do not confuse it with organizational change management, the people side of change.',
  },
  {
    id: 'change-evaluation',
    term: 'Change Evaluation',
    variants: [],
    era: 'ITIL v3/2011',
    mapping: 'absorbed',
    replacements: [],
    practiceIds: ['change-enablement', 'service-validation-and-testing'],
    note: 'ITIL 4 assesses and authorizes changes within change enablement, with testing in service validation and testing.',
  },
  {
    id: 'service-asset-and-configuration-management',
    term: 'Service Asset and Configuration Management',
    variants: ['Configuration and Asset Management', 'Asset and Configuration Management', 'Configuration and Service Asset Management'],
    contextual: [{ forms: ['SACM'], rule: { topic: 'itsm', against: 'ietf' } }],
    era: 'ITIL v3/2011',
    mapping: 'split',
    replacements: ['IT asset management', 'service configuration management'],
    practiceIds: ['it-asset-management', 'service-configuration-management'],
    note: 'ITIL 4 splits it into IT asset management and service configuration management.',
  },
  {
    id: 'release-and-deployment-management',
    term: 'Release and Deployment Management',
    variants: ['Release & Deployment Management'],
    keptBy: 'iso20000',
    era: 'ITIL v3/2011',
    mapping: 'split',
    replacements: ['release management', 'deployment management'],
    practiceIds: ['release-management', 'deployment-management'],
    note: 'ITIL 4 splits it into release management, which makes changes available for use, and deployment management, which moves components into live environments.',
  },
  {
    id: 'event-management',
    term: 'Event Management',
    variants: [],
    context: { topic: 'itsm', required: 3 },
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['monitoring and event management'],
    practiceIds: ['monitoring-and-event-management'],
    note: 'ITIL 4 adds monitoring to the name: monitoring and event management.',
  },
  {
    id: 'request-fulfilment',
    term: 'Request Fulfilment',
    variants: ['Request Fulfillment', 'Request Fullfilment', 'Request Fullfillment'],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['service request management'],
    practiceIds: ['service-request-management'],
    note: 'The ITIL 4 name is service request management.',
  },
  {
    id: 'access-management',
    term: 'Access Management',
    variants: [],
    everydayInLowerCase: true,
    context: { topic: 'itsm', required: 3 },
    era: 'ITIL v3/2011',
    mapping: 'absorbed',
    replacements: [],
    practiceIds: ['information-security-management', 'service-request-management'],
    note: 'ITIL 4 has no access management practice: identity and access management is part of information security management, and access requests are fulfilled through service request management.',
  },
  {
    id: 'continual-service-improvement',
    term: 'Continual Service Improvement',
    variants: ['Continuous Service Improvement'],
    contextual: [{ forms: ['CSI'], rule: { topic: 'itsm', required: 1, against: 'containers' } }],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['continual improvement'],
    practiceIds: ['continual-improvement'],
    note: 'ITIL 4 speaks of continual improvement: a practice, a component of the service value system and, as Improve, a value chain activity. ITIL says continual, not continuous.',
  },
  {
    id: 'seven-step-improvement-process',
    term: 'Seven-Step Improvement Process',
    variants: ['7-Step Improvement Process', 'Seven-Step Continual Improvement Process', '7-Step Continual Improvement Process'],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['continual improvement model'],
    practiceIds: ['continual-improvement'],
    note: 'ITIL 4 replaces the seven-step process with the continual improvement model, whose seven steps run from "What is the vision?" to "How do we keep the momentum going?".',
  },
  {
    id: 'service-measurement',
    term: 'Service Measurement',
    variants: ['Service Reporting'],
    context: { topic: 'itsm', required: 3 },
    era: 'ITIL v3',
    mapping: 'approximate',
    replacements: ['measurement and reporting'],
    practiceIds: ['measurement-and-reporting'],
    note: 'ITIL 4 brings measurement and reporting together as one general management practice; service reporting is also a process name of ISO/IEC 20000, so check which one the text means.',
  },
  {
    id: 'technical-management',
    term: 'Technical Management',
    variants: [],
    context: { topic: 'itsm', required: 3 },
    era: 'ITIL v3/2011',
    mapping: 'approximate',
    replacements: ['infrastructure and platform management'],
    practiceIds: ['infrastructure-and-platform-management'],
    note: 'The v3 function maps only roughly to the infrastructure and platform management practice. The technical management practices, ITIL 4’s third practice group, are a different thing.',
  },
  {
    id: 'it-operations-management',
    term: 'IT Operations Management',
    variants: [],
    era: 'ITIL v3/2011',
    mapping: 'approximate',
    replacements: ['infrastructure and platform management', 'monitoring and event management'],
    practiceIds: ['infrastructure-and-platform-management', 'monitoring-and-event-management'],
    note: 'The v3 function maps roughly to infrastructure and platform management, with operations control in monitoring and event management.',
  },
  {
    id: 'application-management',
    term: 'Application Management',
    variants: [],
    context: { topic: 'itsm', required: 3 },
    era: 'ITIL v3/2011',
    mapping: 'approximate',
    replacements: ['software development and management'],
    practiceIds: ['software-development-and-management'],
    note: 'The v3 function maps roughly to the software development and management practice.',
  },
  {
    id: 'security-management',
    term: 'Security Management',
    variants: [],
    everydayInLowerCase: true,
    context: { topic: 'itsm', required: 3 },
    era: 'ITIL v2',
    mapping: 'rename',
    replacements: ['information security management'],
    practiceIds: ['information-security-management'],
    note: 'The ITIL 4 name is information security management.',
  },
  {
    id: 'ict-infrastructure-management',
    term: 'ICT Infrastructure Management',
    variants: [],
    era: 'ITIL v2',
    mapping: 'approximate',
    replacements: ['infrastructure and platform management'],
    practiceIds: ['infrastructure-and-platform-management'],
    note: 'The closest ITIL 4 practice is infrastructure and platform management.',
  },
  {
    id: 'configuration-management',
    term: 'Configuration Management',
    variants: [],
    everydayInLowerCase: true,
    context: { topic: 'itsm', required: 3, against: 'infrastructure-as-code' },
    keptBy: 'iso20000',
    era: 'ITIL v2',
    mapping: 'rename',
    replacements: ['service configuration management'],
    practiceIds: ['service-configuration-management'],
    note: 'The ITIL 4 name is service configuration management.',
  },
  {
    id: 'service-knowledge-management-system',
    term: 'Service Knowledge Management System',
    variants: ['SKMS'],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['knowledge management system'],
    practiceIds: ['knowledge-management'],
    note: 'ITIL 4 talks about knowledge management and its supporting systems rather than an SKMS.',
  },
  {
    id: 'request-for-change',
    term: 'Request for Change',
    variants: ['Request for Changes'],
    plurals: ['Requests for Change', 'Requests for Changes'],
    contextual: [{ forms: ['RFC', 'RfC'], plurals: ['RFCs', 'RfCs'], rule: { topic: 'change', required: 1, against: 'ietf' } }],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['change request'],
    practiceIds: ['change-enablement'],
    note: 'ITIL 4 writes change request. An RFC is also an IETF standard (a Request for Comments): it is flagged only in documents about changes.',
  },
  {
    id: 'forward-schedule-of-change',
    term: 'Forward Schedule of Change',
    variants: ['Change Calendar', 'Forward Schedule of Changes'],
    contextual: [{ forms: ['FSC'], rule: { topic: 'change', required: 1 } }],
    era: 'ITIL v3/2011',
    mapping: 'rename',
    replacements: ['change schedule'],
    practiceIds: ['change-enablement'],
    note: 'ITIL 4 writes change schedule.',
  },
  {
    id: 'change-advisory-board',
    term: 'Change Advisory Board',
    variants: [],
    plurals: ['Change Advisory Boards'],
    contextual: [{ forms: ['CAB'], plurals: ['CABs'], rule: { topic: 'change', required: 1, against: 'product-management' } }],
    era: 'ITIL v3/2011',
    mapping: 'approximate',
    replacements: ['change authority'],
    practiceIds: ['change-enablement'],
    note: 'ITIL 4 speaks of the change authority: the person or group who authorizes a change. A CAB can still be the change authority for some changes, so replace the name only where the sentence means whoever authorizes the change.',
  },
  {
    id: 'emergency-change-advisory-board',
    term: 'Emergency Change Advisory Board',
    variants: [],
    plurals: ['Emergency Change Advisory Boards'],
    contextual: [{ forms: ['ECAB', 'eCAB', 'E-CAB', 'Emergency CAB'], plurals: ['ECABs', 'Emergency CABs'], rule: { topic: 'change', required: 1 } }],
    era: 'ITIL v3/2011',
    mapping: 'approximate',
    replacements: ['emergency change authority'],
    practiceIds: ['change-enablement'],
    note: 'ITIL 4 speaks of the change authority for emergency changes, kept small so that it can decide fast. An ECAB can still be that authority, so replace the name only where the sentence means whoever authorizes emergency changes.',
  },
];

const legacyById = new Map<string, LegacyTerm>(LEGACY_TERMS.map((term) => [term.id, term]));

export function getLegacyTerm(id: string): LegacyTerm {
  const term = legacyById.get(id);
  if (!term) {
    throw new Error(`Unknown legacy term id: ${id}`);
  }
  return term;
}

function normalizeLegacyName(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/[\s-]+/g, ' ').trim();
}

/** The spellings of an old name whose meaning depends on the document: abbreviations such as RFC, and their plurals. */
export function contextualSpellings(term: LegacyTerm): string[] {
  return (term.contextual ?? []).flatMap((group) => [...group.forms, ...(group.plurals ?? [])]);
}

const legacyLookup = new Map<string, string>();
for (const term of LEGACY_TERMS) {
  for (const name of [term.term, ...term.variants, ...(term.plurals ?? []), ...contextualSpellings(term)]) {
    legacyLookup.set(normalizeLegacyName(name), term.id);
  }
}

const ambiguousSpellings = new Set<string>();
for (const term of LEGACY_TERMS) {
  for (const group of term.contextual ?? []) {
    if (!group.rule.required) continue;
    for (const name of [...group.forms, ...(group.plurals ?? [])]) ambiguousSpellings.add(`${term.id}\n${normalizeLegacyName(name)}`);
  }
}

/**
 * Whether `written` is a spelling of the old name that means it only in a document about its topic (RFC, CAB,
 * CSI): read on its own, as a hover reads it, it could be something else.
 */
export function isAmbiguousSpelling(id: string, written: string): boolean {
  return ambiguousSpellings.has(`${id}\n${normalizeLegacyName(written)}`);
}

/** Finds the legacy term a name spells (case and spacing ignored), e.g. a practice written in v3 style. */
export function resolveLegacyTerm(text: string): LegacyTerm | undefined {
  const id = legacyLookup.get(normalizeLegacyName(text));
  return id ? legacyById.get(id) : undefined;
}
