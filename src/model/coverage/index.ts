/**
 * Document Coverage: which value chain activities and practices a document mentions, where first and how often,
 * and which practices the mentioned activities usually involve that the document never names.
 */
export * from './coverage';
