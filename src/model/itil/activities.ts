/**
 * The six activities of the ITIL 4 service value chain, as the seed describes them, plus the links of the
 * seed's flowchart. Every feature (tree, diagrams, hovers, checks) reads these records.
 */

export const ACTIVITY_IDS = [
  'plan',
  'improve',
  'engage',
  'design-and-transition',
  'obtain-build',
  'deliver-and-support',
] as const;

export type ActivityId = (typeof ACTIVITY_IDS)[number];

/** Colours for one activity: a theme can override them through the contributed colour `colorId`. */
export interface ActivityPalette {
  readonly light: string;
  readonly dark: string;
  readonly highContrast: string;
  readonly highContrastLight: string;
}

export interface Activity {
  readonly id: ActivityId;
  /** The name as the seed's headings write it. */
  readonly name: string;
  /** Short node id used in generated Mermaid text (the seed's flowchart ids). */
  readonly nodeId: string;
  /** Other ways consultants write the name; matched case-insensitively by the term matcher. */
  readonly writtenForms: readonly string[];
  readonly icon: string;
  readonly summary: string;
  readonly purpose: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly enables: readonly string[];
  readonly caveats: readonly string[];
  /** Practice ids from the seed's quick-reference table. */
  readonly keyPracticeIds: readonly string[];
  /** Contributed colour id (`contributes.colors`) that themes can override. */
  readonly colorId: string;
  readonly palette: ActivityPalette;
}

export const ACTIVITIES: readonly Activity[] = [
  {
    id: 'plan',
    name: 'Plan',
    nodeId: 'PL',
    writtenForms: ['Plan'],
    icon: 'calendar',
    summary: 'A shared vision and direction',
    purpose:
      'Gives everyone the same picture of the vision, where things stand today and which way improvement should head, across all four dimensions and every product and service of the organization.',
    inputs: ['Policies and requirements from governance', 'Improvement initiatives', 'Demand and opportunities'],
    outputs: ['Strategic, tactical and operational plans', 'Portfolio decisions', 'Architectures and policies'],
    enables: [
      'Strategy and delivery that stay aligned',
      'One understanding of direction shared by all teams',
      'Decisions about the portfolio',
    ],
    caveats: [],
    keyPracticeIds: ['strategy-management', 'portfolio-management'],
    colorId: 'svc.activity.plan',
    palette: { light: '#1d4ed8', dark: '#60a5fa', highContrast: '#9cc9ff', highContrastLight: '#0b3a9e' },
  },
  {
    id: 'improve',
    name: 'Improve',
    nodeId: 'IM',
    writtenForms: ['Improve'],
    icon: 'sync',
    summary: 'Improvement at every level, all the time',
    purpose:
      'Keeps products, services and practices improving continually, in every value chain activity and in all four dimensions.',
    inputs: ['Product and service performance information', 'Stakeholder feedback', 'Performance against plans'],
    outputs: ['Improvement initiatives', 'Improvement status reports', 'Change requests to other activities'],
    enables: [
      'Continual improvement built into every level rather than run as a one-off project',
      'Learning from incidents, feedback and measurements',
      'Input to planning and to every other activity',
    ],
    caveats: [
      'Improve feeds every other activity: it takes in performance information and feedback from across the chain and sends improvement initiatives and change requests back. Think of it as a thread running through the whole chain, not a single step in a sequence.',
    ],
    keyPracticeIds: ['continual-improvement'],
    colorId: 'svc.activity.improve',
    palette: { light: '#15803d', dark: '#4ade80', highContrast: '#7dffa8', highContrastLight: '#0b5a2a' },
  },
  {
    id: 'engage',
    name: 'Engage',
    nodeId: 'EN',
    writtenForms: ['Engage'],
    icon: 'comment-discussion',
    summary: 'Stakeholder relationships and demand',
    purpose:
      'Builds a clear understanding of what stakeholders need, keeps things transparent and maintains ongoing engagement and good relationships with every stakeholder.',
    inputs: [
      'Consolidated demands and opportunities',
      'Feedback from users and customers',
      'Product and service performance information',
    ],
    outputs: [
      'Requirements and feedback for other activities',
      'Service performance reports for customers',
      'Contracts and agreements with suppliers',
    ],
    enables: [
      'One interface to customers, users and external partners',
      'Demand captured and prioritized',
      'Contracts and service level agreements managed',
    ],
    caveats: [
      'The service desk and relationship management sit here in value chain terms: Engage is the front door of the organization and owns the ongoing relationship with every stakeholder.',
    ],
    keyPracticeIds: ['service-desk', 'relationship-management', 'service-level-management'],
    colorId: 'svc.activity.engage',
    palette: { light: '#b45309', dark: '#fbbf24', highContrast: '#ffd966', highContrastLight: '#7a3a00' },
  },
  {
    id: 'design-and-transition',
    name: 'Design & Transition',
    nodeId: 'DT',
    writtenForms: ['Design & Transition', 'Design and Transition', 'Design/Transition', 'D&T'],
    icon: 'layers',
    summary: 'New and changed services that meet requirements',
    purpose:
      'Makes sure products and services keep meeting what stakeholders expect of their quality, cost and time to market.',
    inputs: ['Portfolio decisions', 'Architectures and policies', 'Change requests'],
    outputs: [
      'Requirements and specifications',
      'Solutions and components for Obtain/Build',
      'Test results and deployment packages',
    ],
    enables: [
      'New or changed services designed to meet their requirements',
      'A controlled move into production that does not disrupt existing services',
      'A balance between the speed of change and its risk and quality',
    ],
    caveats: [],
    keyPracticeIds: ['change-enablement', 'release-management'],
    colorId: 'svc.activity.designAndTransition',
    palette: { light: '#7e22ce', dark: '#c084fc', highContrast: '#e0b3ff', highContrastLight: '#5a168f' },
  },
  {
    id: 'obtain-build',
    name: 'Obtain/Build',
    nodeId: 'OB',
    writtenForms: ['Obtain/Build', 'Obtain / Build', 'Obtain and Build', 'Obtain & Build', 'O/B'],
    icon: 'tools',
    summary: 'Components available when they are needed',
    purpose:
      'Makes sure service components exist when and where they are needed and match the agreed specifications.',
    inputs: ['Architectures and specifications', 'Contracts with suppliers', 'Change requests'],
    outputs: [
      'Service components for Deliver & Support',
      'Knowledge and information',
      'Performance information and improvement opportunities',
    ],
    enables: [
      'Service components acquired, built or configured, whether bought in or made in-house',
      'A managed supply chain for components',
      'Components ready for deployment',
    ],
    caveats: [],
    keyPracticeIds: ['deployment-management', 'it-asset-management'],
    colorId: 'svc.activity.obtainBuild',
    palette: { light: '#0e7490', dark: '#22d3ee', highContrast: '#7ff0ff', highContrastLight: '#08505f' },
  },
  {
    id: 'deliver-and-support',
    name: 'Deliver & Support',
    nodeId: 'DS',
    writtenForms: ['Deliver & Support', 'Deliver and Support', 'Deliver/Support', 'D&S'],
    icon: 'rocket',
    summary: 'Live services running and supported',
    purpose:
      'Makes sure services are delivered and supported as specified and as stakeholders expect.',
    inputs: [
      'New and changed services from Design & Transition and Obtain/Build',
      'Contracts and agreements from Engage',
      'Service components',
    ],
    outputs: [
      'Services delivered to customers and users',
      'Support information and improvement opportunities',
      'Performance data',
    ],
    enables: [
      'Live services operated and supported day to day',
      'Incidents, service requests and operational events handled',
      'Performance data fed back to Improve and Engage',
    ],
    caveats: [],
    keyPracticeIds: ['incident-management', 'service-request-management'],
    colorId: 'svc.activity.deliverAndSupport',
    palette: { light: '#be123c', dark: '#fb7185', highContrast: '#ff9eb0', highContrastLight: '#8a0c2b' },
  },
];

/** Caveats about the chain as a whole, not about one activity. */
export const VALUE_CHAIN_CAVEATS: readonly string[] = [
  'The activities do not run in a fixed sequence: they are interconnected and combine in many ways into value streams that fit each scenario.',
  'Scenario questions ask which activities matter most: an incident mostly involves Engage and Deliver & Support; a new service mostly involves Plan, Design & Transition and Obtain/Build.',
];

/** Where demand and opportunity come in, and where value comes out, in the seed's flowchart. */
export const DEMAND_NODE = { nodeId: 'D', name: 'Demand / Opportunity', icon: 'inbox' } as const;
export const VALUE_NODE = { nodeId: 'VAL', name: 'Value / Products & Services', icon: 'star-full' } as const;

export const ENTRY_ACTIVITY_IDS: readonly ActivityId[] = ['plan', 'engage', 'improve'];
export const VALUE_ACTIVITY_IDS: readonly ActivityId[] = ['deliver-and-support', 'obtain-build', 'engage'];

/** Two-way links between activities, as drawn with `<-->` in the seed's flowchart. */
export const ACTIVITY_LINKS: readonly (readonly [ActivityId, ActivityId])[] = [
  ['plan', 'design-and-transition'],
  ['plan', 'obtain-build'],
  ['plan', 'deliver-and-support'],
  ['engage', 'design-and-transition'],
  ['engage', 'obtain-build'],
  ['engage', 'deliver-and-support'],
  ['improve', 'design-and-transition'],
  ['improve', 'obtain-build'],
  ['improve', 'deliver-and-support'],
  ['design-and-transition', 'obtain-build'],
];

const activitiesById = new Map<string, Activity>(ACTIVITIES.map((activity) => [activity.id, activity]));

export function isActivityId(value: string): value is ActivityId {
  return activitiesById.has(value);
}

export function getActivity(id: ActivityId): Activity {
  const activity = activitiesById.get(id);
  if (!activity) {
    throw new Error(`Unknown activity id: ${id}`);
  }
  return activity;
}

/** Activities linked to `id` in the flowchart, in the seed's order. */
export function linkedActivities(id: ActivityId): Activity[] {
  const linked = new Set<ActivityId>();
  for (const [a, b] of ACTIVITY_LINKS) {
    if (a === id) linked.add(b);
    if (b === id) linked.add(a);
  }
  return ACTIVITIES.filter((activity) => linked.has(activity.id));
}

/**
 * Resolves an id or any written form ("Design and Transition", "obtain / build") to an activity id.
 * Spacing, case and the `&`/`and` spelling do not matter.
 */
export function resolveActivity(text: string): ActivityId | undefined {
  const key = normalizeActivityName(text);
  return activityLookup.get(key);
}

function normalizeActivityName(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\s/_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const activityLookup = new Map<string, ActivityId>();
for (const activity of ACTIVITIES) {
  for (const form of [activity.id, activity.name, ...activity.writtenForms]) {
    activityLookup.set(normalizeActivityName(form), activity.id);
  }
}
