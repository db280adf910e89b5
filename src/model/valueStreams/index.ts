/**
 * Value streams written as text (`*.valuestream.yaml` files and ```valuestream blocks in Markdown): their shape
 * once read, the rules and fields of the format, the blocks of a Markdown document, editing help (completion
 * context, the item under the cursor, renaming a step), the schedule and the metrics of a stream (lead time,
 * critical path, slack, flow efficiency) in the words and time units they are shown in, templates, the generated
 * grammar, snippet and schema files, and the index behind the Value Streams view. Reading the YAML itself is
 * model/yamlParsers' job.
 */
export * from './markdownBlocks';
export * from './valueStreamAssets';
export * from './valueStreamEditing';
export * from './valueStreamFormat';
export * from './valueStreamIndex';
export * from './valueStreamMetrics';
export * from './valueStreamMetricsText';
export * from './valueStreamRules';
export * from './valueStreamSchedule';
export * from './valueStreamSources';
export * from './valueStreamTemplates';
export * from './valueStreamTypes';
