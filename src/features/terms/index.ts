/**
 * ITIL terms in the documents a consultant writes: hover cards over the names of practices, activities, concepts
 * and outdated terms, and the terminology checker with its quick fixes, "fix all" and ignore list. The checker
 * itself is in checker/, which loads on the host's first turn after activation.
 */
export * from './termHoverFeature';
export * from './terminologyCommands';
export * from './terminologyFeature';
