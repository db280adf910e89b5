/**
 * The three example value streams of the seed, written in the value-stream format so the same parser,
 * checks and diagrams serve them. Timings follow the seed's Gantt chart.
 */

export interface ExampleStream {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly source: string;
}

export const EXAMPLE_STREAMS: readonly ExampleStream[] = [
  {
    id: 'new-service-deployment',
    name: 'New service deployment',
    summary: 'Planning, designing, building and launching a new service',
    source: `valueStream: New service deployment
description: Bring a new service from portfolio decision to live operation
trigger: The business asks for a new service
outcome: The service is live and supported, and lessons feed improvement
steps:
  - id: plan
    activity: plan
    title: Agree the service in the portfolio
    practices: [portfolio management, strategy management]
    duration: 1
  - id: engage
    activity: engage
    title: Capture stakeholder requirements
    practices: [relationship management, business analysis]
    duration: 1
  - id: design
    activity: design-and-transition
    title: Design the service and plan its transition
    practices: [service design, change enablement]
    duration: 2
  - id: build
    activity: obtain-build
    title: Obtain and build the components
    practices: [software development and management, IT asset management, deployment management]
    after: [design]
    lag: -1
    duration: 2
  - id: deliver
    activity: deliver-and-support
    title: Launch and support the live service
    practices: [service desk, incident management]
    duration: 1
  - id: improve
    activity: improve
    title: Review and improve throughout
    practices: [continual improvement]
    after: []
    duration: 6
`,
  },
  {
    id: 'incident-resolution',
    name: 'Incident resolution',
    summary: 'Restoring service after a user reports an outage',
    source: `valueStream: Incident resolution
description: Restore service after a user reports an outage
trigger: A user reports a service outage
outcome: Service restored and the user informed
steps:
  - id: report
    activity: engage
    title: User reports the outage
    practices: [service desk, incident management]
    duration: 1
  - id: restore
    activity: deliver-and-support
    title: Diagnose and restore the service
    practices: [incident management, monitoring and event management]
    duration: 2
  - id: review
    activity: improve
    title: Post-incident review
    practices: [problem management, continual improvement]
    duration: 1
`,
  },
  {
    id: 'service-request-fulfilment',
    name: 'Service request fulfilment',
    summary: 'Handling a routine request from a user',
    source: `valueStream: Service request fulfilment
description: Fulfil a standard request from a user
trigger: A user asks for a new laptop
outcome: The user has what they asked for
steps:
  - id: request
    activity: engage
    title: User raises the request
    practices: [service desk, service request management]
    duration: 1
  - id: obtain
    activity: obtain-build
    title: Obtain the item
    practices: [IT asset management, supplier management]
    duration: 1
  - id: fulfil
    activity: deliver-and-support
    title: Deliver and confirm
    practices: [service request management]
    duration: 1
`,
  },
];

/** The seed's Gantt timings for each example, in relative units, for tests and documentation. */
export const EXAMPLE_TIMINGS: Readonly<Record<string, readonly (readonly [string, number, number])[]>> = {
  'new-service-deployment': [
    ['plan', 0, 1],
    ['engage', 1, 2],
    ['design', 2, 4],
    ['build', 3, 5],
    ['deliver', 5, 6],
    ['improve', 0, 6],
  ],
  'incident-resolution': [
    ['report', 0, 1],
    ['restore', 1, 3],
    ['review', 3, 4],
  ],
  'service-request-fulfilment': [
    ['request', 0, 1],
    ['obtain', 1, 2],
    ['fulfil', 2, 3],
  ],
};
