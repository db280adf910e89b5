/**
 * Diagrams: the commands and panel serializers registered at activation, and ```valuestream blocks drawn in the
 * Markdown preview. The panels themselves (the SVC diagram, value-stream previews, the lifecycle diagram) and
 * their webview plumbing are in panels/, which loads on the first diagram.
 */
export * from './diagramCommands';
export * from './markdownPreview';
