/**
 * ITIL itself in the workbench: the `svc.edition` setting every edition-dependent feature follows, and the side
 * bar's view of the ITIL (Version 5) product and service lifecycle.
 */
export * from './edition';
export * from './lifecycleView';
