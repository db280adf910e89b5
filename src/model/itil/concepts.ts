/**
 * ITIL 4 vocabulary beyond the practices: key concepts, the guiding principles, the four dimensions and
 * the components of the service value system. Definitions are short paraphrases.
 */

export type ConceptKind = 'concept' | 'principle' | 'dimension' | 'svs-component' | 'practice-group';

export interface Concept {
  readonly id: string;
  readonly name: string;
  readonly kind: ConceptKind;
  readonly definition: string;
  /** Other spellings or abbreviations matched by the term matcher. */
  readonly aliases: readonly string[];
}

function concept(name: string, definition: string, aliases: readonly string[] = []): Concept {
  return { id: slug(name), name, kind: 'concept', definition, aliases };
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const KEY_CONCEPTS: readonly Concept[] = [
  concept('Value', 'How beneficial, useful and important something is felt to be; subjective, and created together by provider and consumer.'),
  concept('Value co-creation', 'Value comes from providers and consumers working together actively, not from delivery in one direction.'),
  concept('Organization', 'A person or group with its own functions, responsibilities, authorities and relationships, working towards its objectives.', ['organisation']),
  concept('Service management', 'The specialized capabilities an organization uses to enable value for customers in the form of services.'),
  concept('Service', 'A means of enabling value co-creation: customers get the outcomes they want without managing particular costs and risks themselves.'),
  concept('Product', 'A configuration of the resources of an organization designed to offer value to a consumer.'),
  concept('Service offering', 'A formal description of one or more services for a group of consumers; it may combine goods, access to resources and service actions.'),
  concept('Service relationship', 'Cooperation between a provider and a consumer, covering service provision, service consumption and service relationship management.'),
  concept('Service provider', 'The role an organization plays when it delivers a service.'),
  concept('Service consumer', 'The role an organization plays when it receives a service; it splits into customer, user and sponsor.'),
  concept('Customer', 'Defines what a service must do and answers for the outcomes of consuming it.'),
  concept('User', 'Uses the service.'),
  concept('Sponsor', 'Approves the budget for consuming the service.'),
  concept('Output', 'Something, tangible or not, that an activity produces.'),
  concept('Outcome', 'A result for a stakeholder that one or more outputs make possible.'),
  concept('Cost', 'Money spent on an activity or a resource; a service can take costs away from a consumer or add new ones.'),
  concept('Risk', 'A possible event that could cause harm or loss or make objectives harder to reach; a service can remove risks or add them.'),
  concept('Utility', 'What a product or service does to meet a need: fit for purpose.'),
  concept('Warranty', 'The assurance that a product or service will meet its agreed requirements: fit for use (availability, capacity, security, continuity).'),
  concept('IT asset', 'Any component with financial value that can contribute to an IT product or service.'),
  concept('Configuration item', 'Any component that has to be managed so that an IT service can be delivered.'),
  concept('Event', 'A change of state that matters for the management of a service or configuration item.'),
  concept('Incident', 'An unplanned interruption to a service or a drop in its quality.'),
  concept('Problem', 'A cause, or a possible cause, of one or more incidents.'),
  concept('Known error', 'A problem that has been analysed but not yet resolved.'),
  concept('Workaround', 'A way to lessen or remove the impact of an incident or problem while no full fix exists.'),
  concept('Change', 'Adding, modifying or removing anything that could affect services, directly or indirectly.'),
  concept('Service request', 'A request from a user for a pre-agreed action that is a normal part of delivering the service.'),
  concept('Release', 'A version of a service or configuration item, or a set of them, made available for use.'),
  concept('Service level', 'One or more metrics that describe the expected or achieved quality of a service.'),
  concept('Service level agreement', 'A documented agreement between provider and customer on the services and the levels expected of them.', ['SLA']),
  concept('Value stream', 'A series of steps an organization takes to create and deliver products and services: a specific combination of value chain activities.'),
  concept('Process', 'A set of interrelated activities that turns inputs into outputs.'),
  concept('Opportunity and demand', 'What comes into the service value system: chances to add value and the need for products and services.', ['demand and opportunity']),
  concept('Service value system', 'How all the parts of an organization work together to create value; its components are the guiding principles, governance, the value chain, practices and continual improvement.', ['SVS']),
  concept('Service value chain', 'The operating model at the heart of the service value system: six activities that combine into value streams.', ['SVC', 'value chain']),
  concept('Continual improvement model', 'Seven questions that guide improvement: What is the vision? Where are we now? Where do we want to be? How do we get there? Take action. Did we get there? How do we keep the momentum going?'),
  concept('Continual improvement register', 'A record of improvement ideas, from capture to closure.', ['CIR']),
  concept('Change authority', 'The person or group who authorizes a change.'),
  concept('Change schedule', 'The calendar of planned and completed changes, used to plan, coordinate and communicate them.'),
  concept('Change request', 'A formal request to change something; the older name was "request for change".'),
  concept('Standard change', 'A low-risk change that is well understood and fully documented, authorized in advance so it can be made without further assessment.'),
  concept('Normal change', 'A change that is scheduled, assessed and authorized through the usual process by the right change authority.'),
  concept('Emergency change', 'A change that must be made as soon as possible, for example to resolve an incident; assessed and authorized fast, often by a separate change authority.'),
  concept('Major incident', 'An incident with so much impact that it needs its own, faster procedure.'),
  concept('Swarming', 'Bringing many people with different skills together on an incident until it is clear who should carry it on.'),
];

function principle(name: string, definition: string): Concept {
  return { id: slug(name), name, kind: 'principle', definition, aliases: [] };
}

export const GUIDING_PRINCIPLES: readonly Concept[] = [
  principle('Focus on value', 'Everything done should connect, directly or indirectly, to value for stakeholders.'),
  principle('Start where you are', 'Look at what already exists and reuse it before building anything new.'),
  principle('Progress iteratively with feedback', 'Work in small, manageable steps and use feedback before, during and after each one.'),
  principle('Collaborate and promote visibility', 'Bring the right people in and keep work and information visible.'),
  principle('Think and work holistically', 'Treat the whole system, all four dimensions and every part, as one.'),
  principle('Keep it simple and practical', 'Use as few steps as needed and remove whatever adds no value.'),
  principle('Optimize and automate', 'Improve the work first, then automate where it really helps.'),
];

function dimension(name: string, definition: string, aliases: readonly string[] = []): Concept {
  return { id: slug(name), name, kind: 'dimension', definition, aliases };
}

export const DIMENSIONS: readonly Concept[] = [
  dimension('Organizations and people', 'Structures, roles, culture, skills and competences needed to create value.', ['organisations and people']),
  dimension('Information and technology', 'The information, knowledge and technologies needed to manage and deliver services.'),
  dimension('Partners and suppliers', 'The relationships with other organizations involved in designing, delivering and improving services.'),
  dimension('Value streams and processes', 'How the parts of the organization work together, through value streams and processes, to create value.'),
];

function component(name: string, definition: string, aliases: readonly string[] = []): Concept {
  return { id: slug(name), name, kind: 'svs-component', definition, aliases };
}

export const SVS_COMPONENTS: readonly Concept[] = [
  component('Guiding principles', 'Universal recommendations that steer decisions in any circumstance.'),
  component('Governance', 'The means by which the organization is directed and controlled.'),
  component('Service value chain', 'An operating model of six activities that combine into value streams.'),
  component('Practices', 'Sets of organizational resources for doing work or reaching an objective; ITIL 4 describes 34.', ['management practices']),
  component('Continual improvement', 'A recurring activity at every level of the organization, supported by the continual improvement model.'),
];

function group(name: string, definition: string): Concept {
  return { id: slug(name), name, kind: 'practice-group', definition, aliases: [] };
}

/** Which practices each group holds is edition data (editions/); a card lists them for the chosen edition. */
export const PRACTICE_GROUP_TERMS: readonly Concept[] = [
  group('General management practices', 'Practices taken from general business management and adapted for service management.'),
  group('Service management practices', 'ITIL 4: practices developed in the service management and ITSM industry.'),
  group('Technical management practices', 'ITIL 4: practices taken from technology management, shifted to focus on IT services.'),
  group(
    'Product and service management practices',
    'ITIL (Version 5): the practices for shaping, running and supporting products and services, in place of the service and technical groups of ITIL 4.',
  ),
];

/** The four dimensions are shaped by external factors, summarized as PESTLE. */
export const PESTLE = ['Political', 'Economic', 'Social', 'Technological', 'Legal', 'Environmental'] as const;

/** Every concept-like term the matcher and hovers know, in one list. */
export const ALL_CONCEPTS: readonly Concept[] = [
  ...KEY_CONCEPTS,
  ...GUIDING_PRINCIPLES,
  ...DIMENSIONS,
  ...SVS_COMPONENTS.filter((item) => item.id !== 'service-value-chain' && item.id !== 'continual-improvement'),
  ...PRACTICE_GROUP_TERMS,
];
