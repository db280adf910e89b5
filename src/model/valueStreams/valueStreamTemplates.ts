/**
 * Templates for new value streams: a blank stream, a step, and the seed's three examples. The snippet
 * files, the New Value Stream command and Markdown completion all take them from here.
 */
import { ACTIVITIES, ACTIVITY_IDS, EXAMPLE_STREAMS, findPractice } from '../itil';
import { practiceWrittenName } from './valueStreamRules';

export interface ValueStreamTemplate {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Snippet syntax (tab stops, choices), for editors and snippet files. */
  readonly snippet: string;
  /** The same text with every placeholder replaced by its default, for plain documents and the CLI. */
  readonly text: string;
}

/** Engage first: demand usually enters there, and a one-step stream with it passes the flow checks. */
function activityChoice(tabStop: number): string {
  const ordered = ['engage', ...ACTIVITY_IDS.filter((id) => id !== 'engage')];
  return `\${${tabStop}|${ordered.join(',')}|}`;
}

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

/** The text a snippet inserts when every placeholder keeps its default (a choice takes its first option). */
export function snippetDefaults(snippet: string): string {
  let text = snippet;
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$(\d+|\{\d+\})/g, '');
  }
  return text.replace(/\\([\\$}])/g, '$1');
}

const BLANK_SNIPPET = [
  'valueStream: ${1:Name of the scenario}',
  'description: ${2:What the stream is for}',
  'trigger: ${3:The demand or opportunity that starts it}',
  'outcome: ${4:The value it delivers}',
  'steps:',
  '  - id: ${5:first-step}',
  `    activity: ${activityChoice(6)}`,
  '    title: ${7:What happens in this step}',
  '    practices: [$8]',
  '    duration: ${9:1}',
  '$0',
].join('\n');

const STEP_SNIPPET = [
  '- id: ${1:step}',
  `  activity: ${activityChoice(2)}`,
  '  title: ${3:What happens in this step}',
  '  practices: [$4]',
  '  duration: ${5:1}',
  '$0',
].join('\n');

function template(id: string, label: string, description: string, snippet: string): ValueStreamTemplate {
  return { id, label, description, snippet, text: snippetDefaults(snippet) };
}

export const BLANK_TEMPLATE = template('blank', 'Blank value stream', 'A stream with one step to fill in', BLANK_SNIPPET);

export const STEP_TEMPLATE = template('step', 'Value stream step', 'One step: id, activity, title, practices, duration', STEP_SNIPPET);

/** The seed's examples as templates: the name becomes the first tab stop, everything else is literal. */
export const EXAMPLE_TEMPLATES: readonly ValueStreamTemplate[] = EXAMPLE_STREAMS.map((example) => {
  const [firstLine = '', ...rest] = example.source.split('\n');
  const name = firstLine.replace(/^valueStream:\s*/, '');
  const snippet = [`valueStream: \${1:${escapeSnippetText(name)}}`, ...rest.map(escapeSnippetText)].join('\n');
  return { id: example.id, label: example.name, description: example.summary, snippet, text: example.source };
});

/** Templates offered by SVC: New Value Stream…, blank first. */
export const NEW_STREAM_TEMPLATES: readonly ValueStreamTemplate[] = [BLANK_TEMPLATE, ...EXAMPLE_TEMPLATES];

/** Wraps a template in a ```valuestream fence for Markdown. */
export function fencedTemplate(source: ValueStreamTemplate): ValueStreamTemplate {
  const snippet = `\`\`\`valuestream\n${source.snippet.replace(/\n?\$0$/, '').replace(/\n$/, '')}\n\`\`\`\n$0`;
  return { ...source, id: `markdown-${source.id}`, snippet, text: snippetDefaults(snippet) };
}

/** A Markdown table of the six activities with their one-line purpose and key practices. */
export function activityTableMarkdown(): string {
  const rows = ACTIVITIES.map((activity) => {
    const practices = activity.keyPracticeIds
      .map((id) => findPractice(id))
      .flatMap((practice) => (practice ? [practiceWrittenName(practice)] : []))
      .join(', ');
    return `| ${activity.name} | ${activity.summary} | ${practices} |`;
  });
  return ['| Activity | Purpose in one line | Key practices |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}

export const ACTIVITY_TABLE_TEMPLATE = template(
  'activity-table',
  'SVC activity table',
  'The six value chain activities with their purpose and key practices',
  `${escapeSnippetText(activityTableMarkdown())}$0`,
);

