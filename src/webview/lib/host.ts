/**
 * The webview side of the conversation with the extension host: typed messages out, host messages in,
 * persisted state, and the strings the host localised for this page.
 */
import type { HostMessage, RenderReport, WebviewMessage, WebviewRequestKind } from '../../model/diagrams';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

export function savedState(): Record<string, unknown> {
  const state = vscode.getState();
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

export function saveState(patch: Record<string, unknown>): void {
  vscode.setState({ ...savedState(), ...patch });
}

export function onHostMessage(handler: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') {
      handler(data as HostMessage);
    }
  });
}

/** Answers the host's requests (export, source, inspection) with whatever `produce` returns or throws. */
export async function answerRequest(requestId: number, kind: WebviewRequestKind, produce: (kind: WebviewRequestKind) => Promise<string | RenderReport>): Promise<void> {
  try {
    post({ type: 'response', requestId, ok: true, value: await produce(kind) });
  } catch (error) {
    post({ type: 'response', requestId, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

/** A string the host put in `data-strings` on the body, or `fallback`. */
export function localized(key: string, fallback: string): string {
  try {
    const strings = JSON.parse(document.body.dataset.strings ?? '{}') as Record<string, unknown>;
    const value = strings[key];
    return typeof value === 'string' ? value : fallback;
  } catch {
    return fallback;
  }
}
