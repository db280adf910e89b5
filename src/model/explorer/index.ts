/**
 * The side bar's ITIL trees and what hangs off them: the Value Chain and Practices trees (the practices grouped
 * as the edition groups them), references to the items that have a card and the card of each, what Find lists,
 * and the Markdown tables a consultant can copy or insert.
 */
export * from './explorerTree';
export * from './findItems';
export * from './itemRefs';
export * from './markdownTables';
