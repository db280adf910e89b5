/**
 * Value streams written as text (`*.valuestream.yaml` files and ```valuestream blocks in Markdown): their shape
 * once read, the rules and fields of the format, the blocks of a Markdown document, editing help (completion
 * context, the item under the cursor, renaming a step), templates, the generated grammar, snippet and schema
 * files, and the index behind the Value Streams view. Reading the YAML itself is model/yaml's job.
 */
export * from './markdownBlocks';
export * from './valueStreamAssets';
export * from './valueStreamEditing';
export * from './valueStreamFormat';
export * from './valueStreamIndex';
export * from './valueStreamRules';
export * from './valueStreamSources';
export * from './valueStreamTemplates';
export * from './valueStreamTypes';
