import * as assert from 'node:assert/strict';
import { ACTIVITIES, ACTIVITY_LINKS, getActivity, type ActivityId } from '../../src/model/itil/activities';
import { activityClassName, contrastingTextColor, defaultActivityColors, escapeMermaidLabel, escapeMermaidText } from '../../src/model/diagrams/mermaid/mermaidText';
import { SECTION_NAME_LENGTH, stepsInDependencyOrder, tickInterval, valueStreamDescription, valueStreamFlowchart, valueStreamGantt } from '../../src/model/diagrams/mermaid/valueStreamCharts';
import { valueChainDescription, valueChainFlowchart } from '../../src/model/diagrams/mermaid/valueChainChart';
import { EXAMPLE_STREAMS, EXAMPLE_TIMINGS } from '../../src/model/itil/exampleStreams';
import { parseValueStreams } from '../../src/model/yamlParsers';
import type { ValueStream, ValueStreamStep } from '../../src/model/valueStreams/valueStreamTypes';
import { valueStreamMetrics } from '../../src/model/valueStreams/valueStreamMetrics';

const NO_RANGE = { start: 0, end: 0 };

interface StepInput {
  id: string;
  activity?: ActivityId;
  activityText?: string;
  title?: string;
  practices?: string[];
  after?: string[];
  start: number;
  end: number;
}

function step(input: StepInput): ValueStreamStep {
  return {
    id: input.id,
    idRange: NO_RANGE,
    activity: input.activity,
    activityText: input.activityText ?? input.activity ?? '',
    activityRange: NO_RANGE,
    title: input.title ?? '',
    practices: (input.practices ?? []).map((text) => ({ text, practiceId: undefined, legacyTermId: undefined, range: NO_RANGE })),
    after: input.after ?? [],
    afterWritten: input.after !== undefined,
    afterRanges: [],
    duration: input.end - input.start,
    durationRange: undefined,
    lag: 0,
    start: input.start,
    end: input.end,
    range: NO_RANGE,
  };
}

function stream(name: string, steps: ValueStreamStep[], extra: Partial<ValueStream> = {}): ValueStream {
  return { name, nameRange: NO_RANGE, description: undefined, trigger: undefined, outcome: undefined, unit: undefined, steps, metrics: valueStreamMetrics({ steps }), range: NO_RANGE, ...extra };
}

const incident = stream(
  'Incident resolution',
  [
    step({ id: 'report', activity: 'engage', title: 'User reports the outage', practices: ['service desk', 'incident management'], start: 0, end: 1 }),
    step({ id: 'restore', activity: 'deliver-and-support', title: 'Diagnose and restore', practices: ['incident management'], after: ['report'], start: 1, end: 3 }),
    step({ id: 'review', activity: 'improve', title: 'Post-incident review', after: ['restore'], start: 3, end: 4 }),
  ],
  { trigger: 'A user reports a service outage', outcome: 'Service restored' },
);

const light = defaultActivityColors('light');

/** Lines of the generated text without the leading indentation. */
function lines(source: string): string[] {
  return source.split('\n').map((line) => line.trim());
}

suite('Mermaid text: escaping', () => {
  test('double quotes become #quot; so a label cannot end its node', () => {
    assert.equal(escapeMermaidText('The "gold" service'), 'The #quot;gold#quot; service');
  });

  test('brackets, braces and pipes become entity codes', () => {
    assert.equal(escapeMermaidText('a[b](c){d}|e'), 'a#91;b#93;#40;c#41;#123;d#125;#124;e');
  });

  test('# and ; are encoded, so text never reads as an entity code or a statement end', () => {
    assert.equal(escapeMermaidText('step #1; then #quot;'), 'step #35;1#59; then #35;quot#59;');
  });

  test('<script> and other markup become text', () => {
    const escaped = escapeMermaidText('<script>alert("x")</script>');
    assert.equal(escaped, '#lt;script#gt;alert#40;#quot;x#quot;#41;#lt;/script#gt;');
    assert.doesNotMatch(escaped, /[<>"]/);
  });

  test('& : % ` \\ $ are encoded (node joiner, Gantt separator, comments, markdown strings, maths)', () => {
    assert.equal(escapeMermaidText('A & B: 100% `x` \\ $$'), 'A #amp; B#58; 100#37; #96;x#96; #92; #36;#36;');
  });

  test('directives cannot be injected through a label', () => {
    const escaped = escapeMermaidText('%%{init: {"securityLevel": "loose"}}%%');
    assert.doesNotMatch(escaped, /%%|\{|"/);
  });

  test('newlines become spaces in one-line text and <br/> in labels', () => {
    assert.equal(escapeMermaidText('first\nsecond\r\nthird'), 'first second third');
    assert.equal(escapeMermaidLabel('first\nsecond\r\n\nthird'), 'first<br/>second<br/>third');
    assert.equal(escapeMermaidLabel('a<b\nc'), 'a#lt;b<br/>c');
  });

  test('control characters never reach the output', () => {
    assert.equal(escapeMermaidText('a\u0000b\tc\u007f'), 'a b c');
  });

  test('non-ASCII text passes through unchanged', () => {
    const text = 'Café – Überprüfung 日本語 ✓ 🚀';
    assert.equal(escapeMermaidText(text), text);
  });

  test('every escape is an entity code Mermaid understands (#name; or #number;)', () => {
    const escaped = escapeMermaidText('"#;&<>[](){}|:%`\\$');
    const codes = escaped.match(/#[^;]*;/g) ?? [];
    assert.equal(codes.join(''), escaped);
    for (const code of codes) assert.match(code, /^#(\w+);$/);
  });
});

suite('Mermaid text: service value chain flowchart', () => {
  const diagram = valueChainFlowchart(light);
  const text = lines(diagram.source);

  test('is a left-to-right flowchart with accessibility title and description', () => {
    assert.equal(text[0], 'flowchart LR');
    assert.ok(text.includes('accTitle: ITIL 4 service value chain'));
    assert.ok(text.some((line) => line.startsWith('accDescr: Demand and opportunity enter through Plan, Engage and Improve')));
  });

  test('has the eight nodes with the model ids, activities inside the SVC subgraph', () => {
    assert.deepEqual(
      diagram.nodes.map((node) => node.nodeId),
      ['D', 'PL', 'IM', 'EN', 'DT', 'OB', 'DS', 'VAL'],
    );
    const subgraphStart = text.indexOf('subgraph SVC["Service Value Chain"]');
    const subgraphEnd = text.indexOf('end');
    assert.ok(subgraphStart > 0 && subgraphEnd > subgraphStart);
    for (const activity of ACTIVITIES) {
      const index = text.indexOf(`${activity.nodeId}["${escapeMermaidText(activity.name)}"]`);
      assert.ok(index > subgraphStart && index < subgraphEnd, `${activity.name} is inside the subgraph`);
    }
    assert.ok(text.includes('D(["Demand / Opportunity"])'));
    assert.ok(text.includes('VAL(["Value / Products #amp; Services"])'));
  });

  test('draws the seed links: demand in, two-way links, value out', () => {
    assert.ok(text.includes('D --> PL & EN & IM'));
    assert.ok(text.includes('PL <--> DT & OB & DS'));
    assert.ok(text.includes('EN <--> DT & OB & DS'));
    assert.ok(text.includes('IM <--> DT & OB & DS'));
    assert.ok(text.includes('DT <--> OB'));
    assert.deepEqual(
      text.filter((line) => line.endsWith('--> VAL')),
      ['DS --> VAL', 'OB --> VAL', 'EN --> VAL'],
    );
    const twoWayTargets = text.filter((line) => line.includes('<-->')).reduce((count, line) => count + line.split('&').length, 0);
    assert.equal(twoWayTargets, ACTIVITY_LINKS.length);
  });

  test('colours each activity with its palette colour and a readable text colour', () => {
    for (const activity of ACTIVITIES) {
      const className = activityClassName(activity.id);
      const fill = light[activity.id];
      assert.ok(text.includes(`classDef ${className} fill:${fill},stroke:${fill},color:${contrastingTextColor(fill)}`), className);
      assert.ok(text.includes(`class ${activity.nodeId} ${className}`), `${activity.nodeId} gets ${className}`);
    }
  });

  test('follows the palette argument (dark theme colours, overrides)', () => {
    const dark = valueChainFlowchart({ ...defaultActivityColors('dark'), plan: '#123456' }).source;
    assert.match(dark, /classDef actPlan fill:#123456,stroke:#123456,color:#ffffff/);
    assert.match(dark, new RegExp(`classDef actEngage fill:${getActivity('engage').palette.dark},`));
  });

  test('with stylesheet styling only class names carry the activity', () => {
    const text = lines(valueChainFlowchart('stylesheet').source);
    assert.ok(!text.some((line) => line.startsWith('classDef')));
    assert.ok(text.includes('class PL actPlan'));
    assert.ok(text.includes('class DT actDesignAndTransition'));
  });

  test('a colour that is not a hex colour never reaches the text', () => {
    const hostile = valueChainFlowchart({ ...light, plan: 'red;stroke:url(javascript:alert(1))' }).source;
    assert.doesNotMatch(hostile, /javascript/);
    assert.match(hostile, new RegExp(`classDef actPlan fill:${getActivity('plan').palette.light},`));
  });

  test('node tooltips carry each activity purpose', () => {
    for (const activity of ACTIVITIES) {
      assert.equal(diagram.nodes.find((node) => node.activity === activity.id)?.tooltip, activity.purpose);
    }
  });
});

suite('Mermaid text: value stream flowchart', () => {
  test('trigger → steps → outcome, with practices under each step, coloured by activity', () => {
    const diagram = valueStreamFlowchart(incident, 0, light);
    const text = lines(diagram.source);
    assert.equal(text[0], 'flowchart LR');
    assert.ok(text.includes('accTitle: Value stream#58; Incident resolution'));
    assert.ok(text.includes('vs0_trigger(["A user reports a service outage"])'));
    assert.ok(text.includes('vs0_s0["<b>User reports the outage</b><br/><small>Engage</small><br/><i>service desk, incident management</i>"]'));
    assert.ok(text.includes('vs0_s2["<b>Post-incident review</b><br/><small>Improve</small>"]'));
    assert.ok(text.includes('vs0_outcome(["Service restored"])'));
    assert.deepEqual(
      text.filter((line) => line.includes('-->')),
      ['vs0_trigger --> vs0_s0', 'vs0_s0 --> vs0_s1', 'vs0_s1 --> vs0_s2', 'vs0_s2 --> vs0_outcome'],
    );
    assert.ok(text.includes('class vs0_s0 actEngage'));
    assert.ok(text.includes('class vs0_s1 actDeliverAndSupport'));
    assert.ok(text.includes(`classDef actImprove fill:${light.improve},stroke:${light.improve},color:#ffffff`));
    assert.ok(!text.some((line) => line.startsWith('classDef actPlan')), 'only used activities get a class');
  });

  test('steps are declared in dependency order, parallel branches join the outcome', () => {
    const branching = stream('Branching', [
      step({ id: 'b', activity: 'obtain-build', after: ['a'], start: 1, end: 2 }),
      step({ id: 'a', activity: 'plan', after: [], start: 0, end: 1 }),
      step({ id: 'c', activity: 'improve', after: [], start: 0, end: 3 }),
    ]);
    assert.deepEqual(stepsInDependencyOrder(branching.steps).map((entry) => entry.index), [1, 2, 0]);
    const text = lines(valueStreamFlowchart(branching, 2, light).source);
    const declared = text.filter((line) => /^vs2_s\d\[/.test(line)).map((line) => line.slice(0, line.indexOf('[')));
    assert.deepEqual(declared, ['vs2_s1', 'vs2_s2', 'vs2_s0']);
    assert.deepEqual(
      text.filter((line) => line.includes('-->')),
      ['vs2_trigger --> vs2_s1', 'vs2_trigger --> vs2_s2', 'vs2_s1 --> vs2_s0', 'vs2_s2 --> vs2_outcome', 'vs2_s0 --> vs2_outcome'],
    );
    assert.ok(text.includes('vs2_trigger(["Demand / Opportunity"])'), 'a stream without trigger starts at the demand');
    assert.ok(text.includes('vs2_outcome(["Value / Products #amp; Services"])'));
  });

  test('cycles, unknown references and unknown activities still give a diagram', () => {
    const broken = stream('Broken', [
      step({ id: 'x', activity: undefined, activityText: 'Operate', title: 'X', after: ['y'], start: 0, end: 0 }),
      step({ id: 'y', activity: 'engage', title: 'Y', after: ['x', 'missing'], start: 0, end: 0 }),
    ]);
    assert.deepEqual(stepsInDependencyOrder(broken.steps).map((entry) => entry.index), [0, 1]);
    const diagram = valueStreamFlowchart(broken, 0, light);
    const text = lines(diagram.source);
    assert.ok(text.includes('vs0_s0["<b>X</b><br/><small>Operate</small>"]'));
    assert.ok(text.includes('vs0_s1 --> vs0_s0'));
    assert.ok(text.includes('vs0_s0 --> vs0_s1'));
    assert.ok(!text.some((line) => line.includes('missing')));
    assert.ok(text.includes('class vs0_s0 actUnknown'));
    assert.ok(text.some((line) => line.startsWith('classDef actUnknown stroke-dasharray')));
    assert.match(diagram.nodes.find((node) => node.nodeId === 'vs0_s0')?.tooltip ?? '', /Unknown activity “Operate”/);
  });

  test('hostile titles, practices, trigger and name are escaped everywhere', () => {
    const hostile = stream(
      'Evil "stream"; %%{init: {}}%%',
      [step({ id: 'a', activity: 'engage', title: 'Close ] and "quote" <script>alert(1)</script> #1;\nnext', practices: ['A|B', 'C; D'], start: 0, end: 1 })],
      { trigger: 'x"]) --> evil["y', outcome: 'done\n<img src=x onerror=alert(1)>' },
    );
    const source = valueStreamFlowchart(hostile, 0, light).source + valueStreamGantt([hostile]).source;
    assert.doesNotMatch(source, /<script|<img|%%\{|evil\[/);
    assert.equal(source.match(/"\]\)/g)?.length, 2, 'only the trigger and outcome nodes close with "])');
    assert.match(source, /vs0_s0\["<b>Close #93; and #quot;quote#quot; #lt;script#gt;alert#40;1#41;#lt;\/script#gt; #35;1#59;<br\/>next<\/b>/);
    assert.match(source, /<i>A#124;B, C#59; D<\/i>/);
    assert.match(source, /vs0_outcome\(\["done<br\/>#lt;img src=x onerror=alert#40;1#41;#gt;"\]\)/);
  });

  test('non-ASCII titles and practice names survive', () => {
    const text = valueStreamFlowchart(
      stream('Störungsbehebung', [step({ id: 'a', activity: 'engage', title: 'Meldung über 電話 📞', practices: ['Service-Desk (Café)'], start: 0, end: 1 })]),
      0,
      light,
    ).source;
    assert.match(text, /<b>Meldung über 電話 📞<\/b>/);
    assert.match(text, /<i>Service-Desk #40;Café#41;<\/i>/);
  });

  test('node metadata maps every step node back to its step', () => {
    const diagram = valueStreamFlowchart(incident, 4, light);
    const steps = diagram.nodes.filter((node) => node.kind === 'step');
    assert.deepEqual(
      steps.map((node) => [node.nodeId, node.streamIndex, node.stepIndex, node.activity]),
      [
        ['vs4_s0', 4, 0, 'engage'],
        ['vs4_s1', 4, 1, 'deliver-and-support'],
        ['vs4_s2', 4, 2, 'improve'],
      ],
    );
    assert.match(steps[1]?.tooltip ?? '', /^Deliver & Support: Makes sure services are delivered/);
    assert.match(steps[0]?.tooltip ?? '', /Practices: service desk, incident management/);
  });
});

suite('Mermaid text: Gantt', () => {
  test('one bar per step with the computed start and end, seed settings', () => {
    const text = lines(valueStreamGantt([incident]).source);
    assert.equal(text[0], 'gantt');
    assert.ok(text.includes('title Incident resolution'));
    assert.ok(text.includes('dateFormat x'), 'a unit is a second, written in milliseconds');
    assert.ok(text.includes('axisFormat %s'));
    assert.ok(text.some((line) => line.startsWith('accTitle: Schedule#58; Incident resolution')));
    assert.ok(text.includes('accDescr: Incident resolution#58; 3 steps, 4 units'));
    assert.ok(text.includes('section Incident resolution'));
    assert.ok(text.includes('User reports the outage :crit, vs0_t0_svc-engage, 0, 1000'));
    assert.ok(text.includes('Diagnose and restore :crit, vs0_t1_svc-deliver-and-support, 1000, 3000'));
    assert.ok(text.includes('Post-incident review :crit, vs0_t2_svc-improve, 3000, 4000'));
  });

  test('a multi-stream file gives one section per stream, like the seed', () => {
    const request = stream('Service request fulfilment', [
      step({ id: 'request', activity: 'engage', title: 'Engage (request)', start: 0, end: 1 }),
      step({ id: 'obtain', activity: 'obtain-build', title: 'Obtain / Build', after: ['request'], start: 1, end: 2 }),
    ]);
    const diagram = valueStreamGantt([incident, stream('Empty', []), request], { title: 'Example value streams' });
    const text = lines(diagram.source);
    assert.ok(text.includes('title Example value streams'));
    assert.deepEqual(
      text.filter((line) => line.startsWith('section ')),
      ['section Incident resolution', 'section Service request fulfilment'],
    );
    assert.ok(text.includes('Engage #40;request#41; :crit, vs2_t0_svc-engage, 0, 1000'));
    assert.ok(text.includes('Obtain / Build :crit, vs2_t1_svc-obtain-build, 1000, 2000'));
    assert.deepEqual(
      diagram.nodes.map((node) => node.nodeId),
      ['vs0_t0_svc-engage', 'vs0_t1_svc-deliver-and-support', 'vs0_t2_svc-improve', 'vs2_t0_svc-engage', 'vs2_t1_svc-obtain-build'],
    );
  });

  test('about a dozen axis ticks whatever the length', () => {
    assert.equal(tickInterval(4), 1);
    assert.equal(tickInterval(12), 1);
    assert.equal(tickInterval(20), 2);
    assert.equal(tickInterval(60), 5);
    assert.equal(tickInterval(130), 20);
    assert.ok(lines(valueStreamGantt([incident]).source).includes('tickInterval 1second'));
  });

  test('long stream names are shortened in the section margin', () => {
    const name = 'A very long value stream name that would run into the bars';
    const text = lines(valueStreamGantt([stream(name, [step({ id: 'a', activity: 'plan', start: 0, end: 1 })])]).source);
    assert.ok(text.includes(`section ${name.slice(0, SECTION_NAME_LENGTH - 1).trimEnd()}…`));
    assert.ok(text.includes(`title ${name}`));
  });

  test('colons in titles cannot split a task, zero-length steps become milestones', () => {
    const text = lines(
      valueStreamGantt([stream('S', [step({ id: 'a', activity: 'engage', title: 'Gate: go/no-go', start: 2, end: 2 }), step({ id: 'b', activity: 'plan', start: 0.5, end: 1.25 })])]).source,
    );
    assert.ok(text.includes('Gate#58; go/no-go :crit, milestone, vs0_t0_svc-engage, 2000, 2000'));
    assert.ok(text.includes('Plan :crit, vs0_t1_svc-plan, 500, 1250'), 'an untitled step is named after its activity');
  });
});

suite('Mermaid text: the seed example streams through the real parser', () => {
  const streams = EXAMPLE_STREAMS.map((example) => {
    const result = parseValueStreams(example.source);
    assert.deepEqual(result.findings.filter((finding) => finding.severity === 'error'), [], example.id);
    const [first] = result.streams;
    assert.ok(first, example.id);
    return first;
  });

  test('the Gantt of the three examples has the seed chart sections and timings', () => {
    const text = lines(valueStreamGantt(streams, { title: 'Example value streams' }).source);
    assert.deepEqual(
      text.filter((line) => line.startsWith('section ')),
      ['section New service deployment', 'section Incident resolution', 'section Service request fulfilment'],
    );
    EXAMPLE_STREAMS.forEach((example, streamIndex) => {
      const timings = EXAMPLE_TIMINGS[example.id];
      assert.ok(timings && timings.length === streams[streamIndex]?.steps.length, example.id);
      timings.forEach(([, start, end], stepIndex) => {
        assert.ok(
          text.some((line) => new RegExp(` :(crit, )?vs${streamIndex}_t${stepIndex}_svc-[a-z-]+, ${start * 1000}, ${end * 1000}$`).test(line)),
          `${example.id} step ${stepIndex} runs ${start}–${end}`,
        );
      });
    });
  });

  test('new service deployment: improve runs alongside from the trigger to the outcome', () => {
    const [deployment] = streams;
    assert.ok(deployment);
    const text = lines(valueStreamFlowchart(deployment, 0, light).source);
    assert.ok(text.includes('vs0_trigger --> vs0_s0'));
    assert.ok(text.includes('vs0_trigger --> vs0_s5'));
    assert.ok(text.includes('vs0_s2 --> vs0_s3'));
    assert.ok(text.includes('vs0_s5 --> vs0_outcome'));
    assert.ok(text.includes('vs0_s4 --> vs0_outcome'));
  });
});

suite('Mermaid text: colours', () => {
  test('text colour is black on light fills and white on dark fills', () => {
    assert.equal(contrastingTextColor('#ffffff'), '#000000');
    assert.equal(contrastingTextColor('#fbbf24'), '#000000');
    assert.equal(contrastingTextColor('#1d4ed8'), '#ffffff');
    assert.equal(contrastingTextColor('#000'), '#ffffff');
    assert.equal(contrastingTextColor('#7e22ce80'), '#ffffff');
  });

  test('default palettes come from the model for every theme kind', () => {
    for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight'] as const) {
      const colors = defaultActivityColors(theme);
      for (const activity of ACTIVITIES) assert.equal(colors[activity.id], activity.palette[theme]);
    }
  });
});

suite('Mermaid text: accessible titles, descriptions and the diagrams in words', () => {
  function accLines(source: string): { title: string | undefined; descr: string | undefined } {
    const text = lines(source);
    return { title: text.find((line) => line.startsWith('accTitle: ')), descr: text.find((line) => line.startsWith('accDescr: ')) };
  }

  test('a stream in words: activity (step id) in dependency order, as the issue writes it', () => {
    assert.equal(valueStreamDescription(incident), 'Incident resolution: Engage (report) → Deliver & Support (restore) → Improve (review)');
  });

  test('steps written out of order are described in dependency order; unknown activities say so', () => {
    const shuffled = stream('Onboarding', [
      step({ id: 'equip', activity: 'obtain-build', after: ['plan'], start: 1, end: 2 }),
      step({ id: 'plan', activity: 'plan', start: 0, end: 1 }),
      step({ id: 'odd', activityText: 'operate', after: ['equip'], start: 2, end: 3 }),
    ]);
    assert.equal(valueStreamDescription(shuffled), 'Onboarding: Plan (plan) → Obtain/Build (equip) → operate (odd)');
    assert.equal(valueStreamDescription(stream('  ', [])), 'Value stream: no steps yet');
  });

  test('every diagram carries accTitle and accDescr from the model, and reports them as plain text', () => {
    const chain = valueChainFlowchart(light);
    assert.equal(chain.title, 'ITIL 4 service value chain');
    assert.equal(chain.description, valueChainDescription());
    assert.deepEqual(accLines(chain.source), { title: 'accTitle: ITIL 4 service value chain', descr: `accDescr: ${escapeMermaidText(valueChainDescription())}` });

    const flow = valueStreamFlowchart(incident, 0, light);
    assert.equal(flow.title, 'Value stream: Incident resolution');
    assert.equal(flow.description, 'Incident resolution: Engage (report) → Deliver & Support (restore) → Improve (review). Starts with A user reports a service outage; realises Service restored.');
    assert.equal(accLines(flow.source).descr, `accDescr: ${escapeMermaidText(flow.description)}`);
    assert.match(accLines(flow.source).descr ?? '', /Deliver #amp; Support/);

    const gantt = valueStreamGantt([incident]);
    assert.equal(gantt.title, 'Schedule: Incident resolution');
    assert.equal(accLines(gantt.source).title, 'accTitle: Schedule#58; Incident resolution');
  });

  test('hostile names cannot break out of accTitle or accDescr', () => {
    const hostile = stream('x" ; accTitle: pwned\n%%{init: {"securityLevel": "loose"}}%%\n<script>alert(1)</script>', [
      step({ id: 'a;b', activity: 'engage', title: 'click a call alert()', start: 0, end: 1 }),
    ]);
    for (const diagram of [valueStreamFlowchart(hostile, 0, light), valueStreamGantt([hostile])]) {
      const { title, descr } = accLines(diagram.source);
      for (const line of [title, descr]) {
        assert.ok(line, 'the line is there');
        const text = line.slice(line.indexOf(':') + 1).replace(/#\w+;/g, '');
        assert.doesNotMatch(text, /[";<>%{}:#]/, line);
      }
      assert.equal(lines(diagram.source).filter((line) => line.startsWith('accTitle')).length, 1, 'one accTitle');
      assert.ok(!diagram.source.includes('<script>'));
      assert.ok(!diagram.source.includes('%%{'));
    }
  });
});

suite('Mermaid text: the critical path, slack and units', () => {
  const parsed = (text: string): ValueStream => {
    const [first] = parseValueStreams(text).streams;
    assert.ok(first);
    return first;
  };
  const deployment = parsed(EXAMPLE_STREAMS.find((example) => example.id === 'new-service-deployment')?.source ?? '');
  const branches = parsed(`valueStream: Branches
unit: days
steps:
  - id: start
    activity: engage
  - id: long
    activity: design-and-transition
    duration: 3
  - id: short
    activity: obtain-build
    after: [start]
  - id: finish
    activity: deliver-and-support
    after: [long, short]
`);

  /** The `from --> to` links of a flowchart that a `linkStyle` line marks, in the order they are written. */
  function styledLinks(source: string): string[] {
    const links = lines(source).filter((line) => line.includes(' --> '));
    const styled = lines(source).find((line) => line.startsWith('linkStyle '));
    return (styled?.split(' ')[1]?.split(',') ?? []).map((index) => links[Number(index)] ?? `missing ${index}`);
  }

  test('critical steps and the links that drive them are outlined in the accent colour and drawn heavier', () => {
    const chart = valueStreamFlowchart(branches, 0, light, '#123456');
    const text = lines(chart.source);
    assert.ok(text.includes('classDef critical stroke:#123456,stroke-width:4px'));
    assert.ok(text.includes('class vs0_s0,vs0_s1,vs0_s3 critical'));
    assert.deepEqual(styledLinks(chart.source), ['vs0_trigger --> vs0_s0', 'vs0_s0 --> vs0_s1', 'vs0_s1 --> vs0_s3', 'vs0_s3 --> vs0_outcome']);
    assert.ok(text.some((line) => line.startsWith('linkStyle ') && line.endsWith(' stroke:#123456,stroke-width:3px')));
    assert.deepEqual(chart.nodes.filter((node) => node.critical).map((node) => node.label), ['Engage', 'Design & Transition', 'Deliver & Support']);
  });

  test('tied chains are both marked, a lead still drives, and the stylesheet gets class names and weight only', () => {
    const chart = valueStreamFlowchart(deployment, 0, 'stylesheet');
    assert.equal(chart.nodes.filter((node) => node.kind === 'step' && !node.critical).length, 0);
    assert.deepEqual(styledLinks(chart.source), [
      'vs0_trigger --> vs0_s0',
      'vs0_s0 --> vs0_s1',
      'vs0_s1 --> vs0_s2',
      'vs0_s2 --> vs0_s3',
      'vs0_s3 --> vs0_s4',
      'vs0_trigger --> vs0_s5',
      'vs0_s4 --> vs0_outcome',
      'vs0_s5 --> vs0_outcome',
    ]);
    assert.ok(!chart.source.includes('classDef critical'));
    assert.ok(lines(chart.source).some((line) => /^linkStyle [\d,]+ stroke-width:3px$/.test(line)));
  });

  test('a hand-edited accent that is not a hex colour never reaches Mermaid', () => {
    assert.ok(lines(valueStreamFlowchart(branches, 0, light, 'red;}').source).includes('classDef critical stroke:#1f1f1f,stroke-width:4px'));
  });

  test('Gantt: critical bars tagged crit, slack and timing in every tooltip, the unit in the title', () => {
    const chart = valueStreamGantt([branches]);
    const text = lines(chart.source);
    assert.ok(text.includes('title Branches #40;in days#41;'));
    assert.ok(text.includes('accDescr: Branches#58; 4 steps, 5 days'));
    assert.ok(text.includes('Obtain/Build :vs0_t2_svc-obtain-build, 1000, 2000'));
    assert.ok(text.includes('Design #amp; Transition :crit, vs0_t1_svc-design-and-transition, 1000, 4000'));
    assert.match(chart.nodes[2]?.tooltip ?? '', /Time: 1 to 2 days · slack 2 days$/);
    assert.match(chart.nodes[1]?.tooltip ?? '', /Time: 1 to 4 days · critical$/);
    const flowchart = valueStreamFlowchart(branches, 0, light);
    assert.match(flowchart.nodes.find((node) => node.stepIndex === 2)?.tooltip ?? '', /slack 2 days/);
  });

  test('Gantt: streams in different units name their unit in their section instead', () => {
    const text = lines(valueStreamGantt([branches, deployment], { title: 'Mixed' }).source);
    assert.ok(text.includes('title Mixed'));
    assert.deepEqual(
      text.filter((line) => line.startsWith('section ')),
      ['section Branches #40;days#41;', 'section New service deployment #40;relative units#41;'],
    );
  });
});
