/**
 * SVC: Export Document…: the command, registered at activation. What it runs — the questions (format, appendices
 * remembered per workspace, where to save), the progress that can be cancelled, the drawing webview and the write
 * through a temporary file — is in run/, which loads with model/export, markdown-it and docx on the first export.
 */
export * from './exportCommand';
