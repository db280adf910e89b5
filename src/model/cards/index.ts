/**
 * ITIL cards: what a card is, the card of every ITIL item, and its two renderings, Markdown (hovers, tooltips,
 * previews) and HTML (webviews), with the activity colours they use.
 */
export * from './activityColors';
export * from './cardHtml';
export * from './cardMarkdown';
export * from './cardTypes';
export * from './itilCards';
