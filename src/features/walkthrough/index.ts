/** The getting-started walkthrough's commands and the state its steps complete on. */
export * from './walkthrough';
