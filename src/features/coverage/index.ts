/** The Document Coverage view of the active document, read with its glossary and following its edits. */
export * from './coverageView';
