/**
 * ITIL (Version 5), released February 2026. The practice names stay those of ITIL 4; the groups and the
 * framework vocabulary change. These facts rest on secondary sources while PeopleCert's revised practice
 * guides are still being published: each uncertain fact carries an `uncertainty` note (shown as "source
 * uncertain"), and `uncertainFacts` sums them up.
 */
import type { EditionData } from './types';

const GROUPING_UNCERTAINTY =
  'The 12/22 split comes from study material and a question bank keyed to the Version 5 syllabus, not from the PeopleCert text itself.';
const STAGE_UNCERTAINTY = 'The stage names come from secondary sources; the one-line summary is our own reading of the name.';

export const ITIL5: EditionData = {
  id: 'itil5',
  name: 'ITIL (Version 5)',
  released: '2026-02',
  valueSystemName: 'ITIL value system',
  dimensionsName: 'four dimensions of product and service management',
  vocabularyUncertainty: 'The new names of the value system and the four dimensions come from study material on the Version 5 syllabus, not from the PeopleCert text itself.',
  foundationMarkers: 'ITIL 4 Foundation',
  practiceGroups: [
    {
      id: 'general',
      label: 'General management practices',
      uncertainty: GROUPING_UNCERTAINTY,
      practiceIds: [
        'architecture-management',
        'continual-improvement',
        'knowledge-management',
        'measurement-and-reporting',
        'organizational-change-management',
        'portfolio-management',
        'project-management',
        'relationship-management',
        'risk-management',
        'strategy-management',
        'supplier-management',
        'workforce-and-talent-management',
      ],
    },
    {
      id: 'product-and-service',
      label: 'Product and service management practices',
      uncertainty: GROUPING_UNCERTAINTY,
      practiceIds: [
        'availability-management',
        'business-analysis',
        'capacity-and-performance-management',
        'change-enablement',
        'deployment-management',
        'incident-management',
        'information-security-management',
        'infrastructure-and-platform-management',
        'it-asset-management',
        'monitoring-and-event-management',
        'problem-management',
        'release-management',
        'service-catalogue-management',
        'service-configuration-management',
        'service-continuity-management',
        'service-design',
        'service-desk',
        'service-financial-management',
        'service-level-management',
        'service-request-management',
        'service-validation-and-testing',
        'software-development-and-management',
      ],
    },
  ],
  lifecycle: [
    { id: 'discover', name: 'Discover', summary: 'Find out what consumers and the organization need and which opportunities are worth pursuing.', uncertainty: STAGE_UNCERTAINTY },
    { id: 'design', name: 'Design', summary: 'Shape products and services, and the experience around them, to meet those needs.', uncertainty: STAGE_UNCERTAINTY },
    { id: 'acquire', name: 'Acquire', summary: 'Obtain the components, services and partners the design calls for.', uncertainty: STAGE_UNCERTAINTY },
    { id: 'build', name: 'Build', summary: 'Create and assemble the components that are made in-house.', uncertainty: STAGE_UNCERTAINTY },
    { id: 'transition', name: 'Transition', summary: 'Move new and changed products and services into use without disrupting what runs.', uncertainty: STAGE_UNCERTAINTY },
    { id: 'operate', name: 'Operate', summary: 'Run the technology and processes that keep products and services working.', uncertainty: STAGE_UNCERTAINTY },
    { id: 'deliver', name: 'Deliver', summary: 'Make products and services available to consumers as agreed.', uncertainty: STAGE_UNCERTAINTY },
    { id: 'support', name: 'Support', summary: 'Help users and restore normal service when something goes wrong.', uncertainty: STAGE_UNCERTAINTY },
  ],
  lifecycleUncertainty:
    'The eight stages and their order come from study material and training providers, not from the PeopleCert text itself, and those sources describe their relation to the six-activity value chain differently.',
  uncertainFacts: [
    'The split into 12 general and 22 product and service management practices comes from study material and a question bank keyed to the Version 5 syllabus, not from the PeopleCert text itself.',
    'The exact relationship between the six-activity value chain and the eight-stage product and service lifecycle is reported differently by different sources.',
    'The one-line summaries of the lifecycle stages are our own reading of the stage names.',
    'The names “ITIL value system” and “four dimensions of product and service management” come from study material on the Version 5 syllabus.',
    'The Foundation markers shown for practices (15 examinable purposes, 7 studied in detail) are those of the ITIL 4 Foundation syllabus; the Version 5 syllabus is not reflected yet.',
  ],
};
