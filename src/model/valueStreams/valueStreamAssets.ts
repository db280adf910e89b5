/**
 * Static files generated from the model so they cannot drift from it: the TextMate grammars of the
 * value-stream language, the snippet files and the JSON Schema. A unit test compares the committed files with these and
 * rewrites them when run with UPDATE_ASSETS=1.
 */
import { ACTIVITIES, ACTIVITY_IDS, type ActivityId } from '../itil';
import { DEFAULT_DURATION, DEFAULT_LAG } from './valueStreamRules';
import { fieldDescription, type FieldLevel } from './valueStreamFormat';
import { TIME_UNITS } from './valueStreamTypes';
import {
  ACTIVITY_TABLE_TEMPLATE,
  BLANK_TEMPLATE,
  EXAMPLE_TEMPLATES,
  STEP_TEMPLATE,
  fencedTemplate,
  type ValueStreamTemplate,
} from './valueStreamTemplates';

export const VALUE_STREAM_SCOPE = 'source.valuestream';
export const EMBEDDED_VALUE_STREAM_SCOPE = 'meta.embedded.block.valuestream';

/** The TextMate scope an activity id gets, so themes and `editor.tokenColorCustomizations` can colour it. */
export function activityScope(activity: ActivityId): string {
  return `entity.name.tag.activity.${activity}.valuestream`;
}

interface TokenColorRule {
  readonly scope: string;
  readonly settings: { readonly foreground: string };
}

/**
 * Default `editor.tokenColorCustomizations` (package.json `configurationDefaults`) that paint activity ids in
 * their activity colours: the light palette in light themes, the dark one in dark themes. A user's own
 * customizations replace these.
 */
export function activityTokenColorDefaults(): Record<string, { readonly textMateRules: readonly TokenColorRule[] }> {
  const rules = (palette: 'light' | 'dark'): TokenColorRule[] =>
    ACTIVITIES.map((activity) => ({ scope: activityScope(activity.id), settings: { foreground: activity.palette[palette] } }));
  return { '[*Light*]': { textMateRules: rules('light') }, '[*Dark*]': { textMateRules: rules('dark') } };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The language grammar: YAML, with the activity injection below adding scopes on top. */
export function valueStreamGrammar(): object {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Value Stream',
    scopeName: VALUE_STREAM_SCOPE,
    patterns: [{ include: 'source.yaml' }],
  };
}

/** Scopes `activity:` values per activity, in value-stream files and in ```valuestream blocks. */
export function activityInjectionGrammar(): object {
  const patterns = ACTIVITIES.map((activity) => {
    const forms = [...new Set([activity.id, activity.name, ...activity.writtenForms])]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    // Not anchored at the line start: the YAML grammar consumes the indentation (and a list dash) before
    // injections get to look at the key.
    return {
      name: 'meta.activity.valuestream',
      match: `\\b(activity)(\\s*)(:)(\\s+)(["']?)(?i:(${forms}))(\\5)(?=\\s*(?:#.*)?$)`,
      captures: {
        1: { name: 'entity.name.tag.yaml' },
        3: { name: 'punctuation.separator.key-value.mapping.yaml' },
        5: { name: 'punctuation.definition.string.begin.yaml' },
        6: { name: activityScope(activity.id) },
        7: { name: 'punctuation.definition.string.end.yaml' },
      },
    };
  });
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    scopeName: 'valuestream.activity.injection',
    injectionSelector: `L:${VALUE_STREAM_SCOPE} -comment, L:${EMBEDDED_VALUE_STREAM_SCOPE} -comment`,
    patterns,
  };
}

/** Gives ```valuestream fences in Markdown the value-stream grammar, like the built-in fenced languages. */
export function markdownFenceGrammar(): object {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    scopeName: 'markdown.valuestream.codeblock',
    injectionSelector: 'L:text.html.markdown',
    patterns: [{ include: '#valuestream-code-block' }],
    repository: {
      'valuestream-code-block': {
        begin: '(^|\\G)(\\s*)(`{3,}|~{3,})\\s*(?i:(valuestream)((\\s+|\\{)[^`~]*)?$)',
        name: 'markup.fenced_code.block.markdown',
        end: '(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$',
        beginCaptures: {
          3: { name: 'punctuation.definition.markdown' },
          4: { name: 'fenced_code.block.language.markdown' },
          5: { name: 'fenced_code.block.language.attributes.markdown' },
        },
        endCaptures: { 3: { name: 'punctuation.definition.markdown' } },
        patterns: [
          {
            begin: '(^|\\G)(\\s*)(.*)',
            while: '(^|\\G)(?!\\s*([`~]{3,})\\s*$)',
            contentName: EMBEDDED_VALUE_STREAM_SCOPE,
            patterns: [{ include: VALUE_STREAM_SCOPE }],
          },
        ],
      },
    },
  };
}

function described(level: FieldLevel, name: string): { description: string; markdownDescription: string } {
  const field = fieldDescription(level, name);
  const text = field ? `${field.description}${field.defaultText === undefined ? '' : ` Default: ${field.defaultText}.`}` : name;
  return { description: text.replace(/`/g, ''), markdownDescription: text };
}

/** JSON Schema (draft 7) of one value-stream document, for YAML tooling users already have. */
export function valueStreamSchema(): object {
  const text = (level: FieldLevel, name: string): object => ({ type: 'string', ...described(level, name) });
  const activityNames = ACTIVITIES.flatMap((activity) => [activity.name, ...activity.writtenForms]);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Value stream',
    description: 'One value stream of the ITIL 4 service value chain: a combination of value chain activities for one scenario. Several streams in one file are separate YAML documents, separated by ---.',
    type: 'object',
    required: ['valueStream', 'steps'],
    additionalProperties: false,
    properties: {
      valueStream: { ...text('stream', 'valueStream'), minLength: 1 },
      description: text('stream', 'description'),
      trigger: text('stream', 'trigger'),
      outcome: text('stream', 'outcome'),
      unit: {
        type: 'string',
        ...described('stream', 'unit'),
        anyOf: [{ enum: [...TIME_UNITS] }, { enum: TIME_UNITS.map((unit) => unit.slice(0, -1)) }],
      },
      steps: { type: 'array', minItems: 1, items: { $ref: '#/definitions/step' }, ...described('stream', 'steps') },
    },
    definitions: {
      step: {
        type: 'object',
        required: ['id', 'activity'],
        additionalProperties: false,
        properties: {
          id: { type: ['string', 'number'], ...described('step', 'id') },
          activity: {
            ...described('step', 'activity'),
            anyOf: [
              { enum: [...ACTIVITY_IDS], markdownEnumDescriptions: ACTIVITIES.map((activity) => `${activity.name}: ${activity.summary}`) },
              { enum: [...new Set(activityNames)] },
            ],
          },
          title: text('step', 'title'),
          practices: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, examples: [['service desk', 'incident management']], ...described('step', 'practices') },
          after: { type: 'array', items: { type: ['string', 'number'] }, uniqueItems: true, ...described('step', 'after') },
          duration: { type: 'number', exclusiveMinimum: 0, default: DEFAULT_DURATION, ...described('step', 'duration') },
          lag: { type: 'number', default: DEFAULT_LAG, ...described('step', 'lag') },
        },
      },
    },
  };
}

interface SnippetEntry {
  readonly prefix: readonly string[];
  readonly description: string;
  readonly body: readonly string[];
}

function snippetEntry(template: ValueStreamTemplate, prefix: readonly string[]): SnippetEntry {
  return { prefix, description: template.description, body: template.snippet.split('\n') };
}

export function valueStreamSnippets(): Record<string, SnippetEntry> {
  const entries: Record<string, SnippetEntry> = {
    [BLANK_TEMPLATE.label]: snippetEntry(BLANK_TEMPLATE, ['valuestream', 'stream']),
    [STEP_TEMPLATE.label]: snippetEntry(STEP_TEMPLATE, ['step', '- id']),
  };
  for (const example of EXAMPLE_TEMPLATES) {
    entries[`Example: ${example.label}`] = snippetEntry(example, [`example-${example.id}`]);
  }
  return entries;
}

export function markdownSnippets(): Record<string, SnippetEntry> {
  const entries: Record<string, SnippetEntry> = {
    'Value stream block': snippetEntry(fencedTemplate(BLANK_TEMPLATE), ['valuestream', '```valuestream']),
  };
  for (const example of EXAMPLE_TEMPLATES) {
    entries[`Value stream block: ${example.label}`] = snippetEntry(fencedTemplate(example), [`valuestream-${example.id}`]);
  }
  entries[ACTIVITY_TABLE_TEMPLATE.label] = snippetEntry(ACTIVITY_TABLE_TEMPLATE, ['svc-table', 'activity table']);
  return entries;
}

/** Every generated file: path relative to the extension root → exact content. */
export function generatedAssets(): Record<string, string> {
  const json = (value: object): string => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'syntaxes/valuestream.tmLanguage.json': json(valueStreamGrammar()),
    'syntaxes/valuestream-activities.injection.tmLanguage.json': json(activityInjectionGrammar()),
    'syntaxes/valuestream-markdown.injection.tmLanguage.json': json(markdownFenceGrammar()),
    'snippets/valuestream.code-snippets': json(valueStreamSnippets()),
    'snippets/markdown.code-snippets': json(markdownSnippets()),
    'schemas/valuestream.schema.json': json(valueStreamSchema()),
  };
}
