/**
 * ITIL itself, as data: the six value chain activities and the links between them, the 34 practices, the key
 * concepts, guiding principles and dimensions, the outdated ITIL v3/2011 names and what replaced them, the seed's
 * three example value streams, and what differs between editions (ITIL 4, ITIL (Version 5)). Every other folder
 * reads its facts from here; nothing here reads anything else.
 */
export * from './activities';
export * from './concepts';
export * from './editions';
export * from './exampleStreams';
export * from './legacyTerms';
export * from './legacyTermTypes';
export * from './practices';
