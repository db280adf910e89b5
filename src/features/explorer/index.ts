/**
 * The side bar's ITIL views (Value Chain, Practices), their commands (details, diagram, reveal, Markdown tables),
 * `SVC: Find Activity, Practice or Term…`, and the details panel that shows an item's card.
 */
export * from './detailsPanel';
export * from './explorerCommands';
export * from './explorerViews';
export * from './findCommand';
