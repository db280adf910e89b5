/**
 * The 34 ITIL 4 management practices (ITIL Foundation, ITIL 4 Edition, chapter 5), with the Foundation
 * exam markers and the value chain activities each mainly contributes to. How the practices are grouped
 * differs between ITIL editions: see editions/.
 */
import type { ActivityId } from './activities';

export interface PracticeAlias {
  readonly text: string;
  /** Ambiguous aliases (CI, SD, PM, …) stand for several things and are never matched on their own. */
  readonly ambiguous?: boolean;
}

export interface Practice {
  readonly id: string;
  readonly name: string;
  /** Section number in the Foundation book, e.g. "5.2.5". */
  readonly section: string;
  readonly aliases: readonly PracticeAlias[];
  readonly purpose: string;
  /** Purpose examinable at Foundation level (one of 15). */
  readonly examinablePurpose: boolean;
  /** Studied in detail at Foundation level (one of 7). */
  readonly studiedInDetail: boolean;
  /** Activities the practice mainly contributes to, in the value chain's order. */
  readonly activities: readonly ActivityId[];
}

const ALL_ACTIVITIES: readonly ActivityId[] = [
  'plan',
  'improve',
  'engage',
  'design-and-transition',
  'obtain-build',
  'deliver-and-support',
];

const ALL_BUT_ENGAGE: readonly ActivityId[] = ALL_ACTIVITIES.filter((id) => id !== 'engage');

function alias(text: string): PracticeAlias {
  return { text };
}

function ambiguous(text: string): PracticeAlias {
  return { text, ambiguous: true };
}

export const PRACTICES: readonly Practice[] = [
  {
    id: 'architecture-management',
    name: 'Architecture management',
    section: '5.1.1',
    aliases: [alias('enterprise architecture'), alias('EA')],
    purpose: 'Explains how the parts of the organization fit together so that complex change can be steered coherently.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['plan', 'improve', 'design-and-transition'],
  },
  {
    id: 'continual-improvement',
    name: 'Continual improvement',
    section: '5.1.2',
    aliases: [ambiguous('CI')],
    purpose: 'Keeps practices and services in step with changing business needs through ongoing, incremental improvement.',
    examinablePurpose: true,
    studiedInDetail: true,
    activities: ['improve'],
  },
  {
    id: 'information-security-management',
    name: 'Information security management',
    section: '5.1.3',
    aliases: [alias('ISM'), alias('InfoSec')],
    purpose: 'Protects the information the organization relies on: its confidentiality, integrity and availability, with authentication and non-repudiation.',
    examinablePurpose: true,
    studiedInDetail: false,
    activities: ALL_ACTIVITIES,
  },
  {
    id: 'knowledge-management',
    name: 'Knowledge management',
    section: '5.1.4',
    aliases: [alias('KM')],
    purpose: 'Makes information and knowledge easy, efficient and effective to use across the organization.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['improve'],
  },
  {
    id: 'measurement-and-reporting',
    name: 'Measurement and reporting',
    section: '5.1.5',
    aliases: [alias('M&R')],
    purpose: 'Lowers the uncertainty of decisions and improvements by gathering relevant data and judging it in context.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['plan', 'improve'],
  },
  {
    id: 'organizational-change-management',
    name: 'Organizational change management',
    section: '5.1.6',
    aliases: [alias('organisational change management'), alias('OCM')],
    purpose: 'Makes changes to the organization stick by looking after their human side.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['improve'],
  },
  {
    id: 'portfolio-management',
    name: 'Portfolio management',
    section: '5.1.7',
    aliases: [alias('PfM')],
    purpose: 'Keeps the mix of programmes, projects, products and services right for the strategy, within funding and resource limits.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['plan'],
  },
  {
    id: 'project-management',
    name: 'Project management',
    section: '5.1.8',
    aliases: [ambiguous('PM')],
    purpose: 'Gets every project delivered successfully through planning, delegation, monitoring, control and motivated people.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['design-and-transition', 'obtain-build'],
  },
  {
    id: 'relationship-management',
    name: 'Relationship management',
    section: '5.1.9',
    aliases: [ambiguous('RM')],
    purpose: 'Builds and looks after the links between the organization and its stakeholders, at strategic and tactical level.',
    examinablePurpose: true,
    studiedInDetail: false,
    activities: ['engage'],
  },
  {
    id: 'risk-management',
    name: 'Risk management',
    section: '5.1.10',
    aliases: [ambiguous('RM'), alias('ERM')],
    purpose: 'Makes sure the organization understands its risks and handles them well.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['plan'],
  },
  {
    id: 'service-financial-management',
    name: 'Service financial management',
    section: '5.1.11',
    aliases: [alias('SFM')],
    purpose: 'Makes sure the money and investment put into service management are used to good effect.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['plan'],
  },
  {
    id: 'strategy-management',
    name: 'Strategy management',
    section: '5.1.12',
    aliases: [],
    purpose: 'Sets the goals of the organization and chooses the actions and resources needed to reach them.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['plan'],
  },
  {
    id: 'supplier-management',
    name: 'Supplier management',
    section: '5.1.13',
    aliases: [alias('vendor management')],
    purpose: 'Manages suppliers and their performance so products and services arrive seamlessly, and builds close ties with key suppliers.',
    examinablePurpose: true,
    studiedInDetail: false,
    activities: ['engage', 'obtain-build'],
  },
  {
    id: 'workforce-and-talent-management',
    name: 'Workforce and talent management',
    section: '5.1.14',
    aliases: [alias('WTM'), alias('talent management')],
    purpose: 'Puts people with the right skills and knowledge into the right roles.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['plan', 'improve'],
  },
  {
    id: 'availability-management',
    name: 'Availability management',
    section: '5.2.1',
    aliases: [ambiguous('AM')],
    purpose: 'Makes services deliver the availability that was agreed.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ALL_BUT_ENGAGE,
  },
  {
    id: 'business-analysis',
    name: 'Business analysis',
    section: '5.2.2',
    aliases: [alias('BA')],
    purpose: 'Studies the business or a part of it, defines what it needs and recommends solutions that create value.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['engage'],
  },
  {
    id: 'capacity-and-performance-management',
    name: 'Capacity and performance management',
    section: '5.2.3',
    aliases: [],
    purpose: 'Makes services perform as agreed and expected and meet present and future demand at sensible cost.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ALL_BUT_ENGAGE,
  },
  {
    id: 'change-enablement',
    name: 'Change enablement',
    section: '5.2.4',
    aliases: [alias('change control')],
    purpose: 'Raises the share of successful product and service changes by assessing risk, authorizing changes and managing the change schedule.',
    examinablePurpose: true,
    studiedInDetail: true,
    activities: ['design-and-transition'],
  },
  {
    id: 'incident-management',
    name: 'Incident management',
    section: '5.2.5',
    aliases: [ambiguous('IM')],
    purpose: 'Limits the harm incidents do by getting normal service back as fast as possible.',
    examinablePurpose: true,
    studiedInDetail: true,
    activities: ['engage', 'deliver-and-support'],
  },
  {
    id: 'it-asset-management',
    name: 'IT asset management',
    section: '5.2.6',
    aliases: [alias('ITAM'), alias('software asset management'), alias('SAM')],
    purpose: 'Plans and manages IT assets through their whole life to get the most value, control cost and risk, and meet obligations.',
    examinablePurpose: true,
    studiedInDetail: false,
    activities: ['design-and-transition', 'obtain-build'],
  },
  {
    id: 'monitoring-and-event-management',
    name: 'Monitoring and event management',
    section: '5.2.7',
    aliases: [alias('monitoring & event management')],
    purpose: 'Watches services and their components, records and reports significant changes of state, and starts the right response.',
    examinablePurpose: true,
    studiedInDetail: false,
    activities: ['deliver-and-support'],
  },
  {
    id: 'problem-management',
    name: 'Problem management',
    section: '5.2.8',
    aliases: [ambiguous('PM')],
    purpose: 'Cuts how often incidents happen and how much they hurt by finding their causes and managing workarounds and known errors.',
    examinablePurpose: true,
    studiedInDetail: true,
    activities: ['improve', 'deliver-and-support'],
  },
  {
    id: 'release-management',
    name: 'Release management',
    section: '5.2.9',
    aliases: [ambiguous('RM')],
    purpose: 'Makes new and changed services and features available for use.',
    examinablePurpose: true,
    studiedInDetail: false,
    activities: ['design-and-transition'],
  },
  {
    id: 'service-catalogue-management',
    name: 'Service catalogue management',
    section: '5.2.10',
    aliases: [alias('service catalog management'), ambiguous('SCM')],
    purpose: 'Keeps one consistent source of information about all services and offerings, shown to the right audiences.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['engage', 'design-and-transition', 'deliver-and-support'],
  },
  {
    id: 'service-configuration-management',
    name: 'Service configuration management',
    section: '5.2.11',
    aliases: [ambiguous('SCM'), alias('CMDB')],
    purpose: 'Keeps accurate information about how services and their configuration items are built and related, available when and where it is needed.',
    examinablePurpose: true,
    studiedInDetail: false,
    activities: ['design-and-transition', 'deliver-and-support'],
  },
  {
    id: 'service-continuity-management',
    name: 'Service continuity management',
    section: '5.2.12',
    aliases: [ambiguous('SCM')],
    purpose: 'Keeps availability and performance at an acceptable level through a disaster and builds resilience.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ALL_BUT_ENGAGE,
  },
  {
    id: 'service-design',
    name: 'Service design',
    section: '5.2.13',
    aliases: [ambiguous('SD')],
    purpose: 'Designs products and services that are fit for purpose and fit for use, and that the organization and its partners can deliver.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['design-and-transition'],
  },
  {
    id: 'service-desk',
    name: 'Service desk',
    section: '5.2.14',
    aliases: [ambiguous('SD'), alias('help desk'), alias('helpdesk'), alias('SPOC')],
    purpose: 'Takes in demand for incident resolution and service requests and is the single point of contact for users.',
    examinablePurpose: true,
    studiedInDetail: true,
    activities: ['engage', 'deliver-and-support'],
  },
  {
    id: 'service-level-management',
    name: 'Service level management',
    section: '5.2.15',
    aliases: [alias('SLM')],
    purpose: 'Sets clear, business-based targets for service levels and checks, monitors and manages delivery against them.',
    examinablePurpose: true,
    studiedInDetail: true,
    activities: ['plan', 'improve', 'engage'],
  },
  {
    id: 'service-request-management',
    name: 'Service request management',
    section: '5.2.16',
    aliases: [alias('request management'), ambiguous('SRM')],
    purpose: 'Supports agreed service quality by handling every predefined, user-initiated service request smoothly and in a user-friendly way.',
    examinablePurpose: true,
    studiedInDetail: true,
    activities: ['engage', 'deliver-and-support'],
  },
  {
    id: 'service-validation-and-testing',
    name: 'Service validation and testing',
    section: '5.2.17',
    aliases: [alias('SVT'), alias('SV&T')],
    purpose: 'Checks that new or changed products and services meet their defined requirements.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['design-and-transition', 'obtain-build'],
  },
  {
    id: 'deployment-management',
    name: 'Deployment management',
    section: '5.3.1',
    aliases: [],
    purpose: 'Moves new or changed hardware, software, documentation and other components into live, test or staging environments.',
    examinablePurpose: true,
    studiedInDetail: false,
    activities: ['design-and-transition', 'obtain-build', 'improve'],
  },
  {
    id: 'infrastructure-and-platform-management',
    name: 'Infrastructure and platform management',
    section: '5.3.2',
    aliases: [alias('I&PM'), alias('infrastructure & platform management')],
    purpose: 'Oversees the infrastructure and platforms the organization uses, including those run by external providers.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['obtain-build', 'deliver-and-support'],
  },
  {
    id: 'software-development-and-management',
    name: 'Software development and management',
    section: '5.3.3',
    aliases: [alias('software development & management')],
    purpose: 'Makes applications meet stakeholder needs for function, reliability, maintainability, compliance and auditability.',
    examinablePurpose: false,
    studiedInDetail: false,
    activities: ['obtain-build'],
  },
];

const practicesById = new Map<string, Practice>(PRACTICES.map((practice) => [practice.id, practice]));

export function getPractice(id: string): Practice {
  const practice = practicesById.get(id);
  if (!practice) {
    throw new Error(`Unknown practice id: ${id}`);
  }
  return practice;
}

export function findPractice(id: string): Practice | undefined {
  return practicesById.get(id);
}

/** Practices that mainly contribute to an activity, in the book's order. */
export function practicesForActivity(activity: ActivityId): Practice[] {
  return PRACTICES.filter((practice) => practice.activities.includes(activity));
}

function normalizePracticeName(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/[\s_-]+/g, ' ').trim();
}

const practiceLookup = new Map<string, string>();
for (const practice of PRACTICES) {
  practiceLookup.set(normalizePracticeName(practice.id), practice.id);
  practiceLookup.set(normalizePracticeName(practice.name), practice.id);
  for (const { text, ambiguous: isAmbiguous } of practice.aliases) {
    if (!isAmbiguous) {
      practiceLookup.set(normalizePracticeName(text), practice.id);
    }
  }
}

/** Resolves a practice id, name or unambiguous alias (case and spacing ignored) to a practice id. */
export function resolvePractice(text: string): string | undefined {
  return practiceLookup.get(normalizePracticeName(text));
}
