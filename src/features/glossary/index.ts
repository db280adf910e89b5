/**
 * The organisation glossary of each workspace folder (`.svc/glossary.yaml`): read, watched and re-read as it is
 * edited, its problems shown in the file, and the terms every document is read with.
 */
export * from './glossaryService';
