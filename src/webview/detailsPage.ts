/**
 * Runs inside the details webview: turns clicks on card links into messages for the extension, which
 * checks them before acting, and keeps the shown item in the webview state so the panel survives reloads.
 */
interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeWebviewApi;

const vscodeApi = acquireVsCodeApi();

const stateElement = document.getElementById('svc-state');
if (stateElement?.textContent) {
  vscodeApi.setState(JSON.parse(stateElement.textContent));
}

function linkArguments(link: HTMLElement): unknown {
  try {
    return JSON.parse(link.dataset['args'] ?? '[]');
  } catch {
    return [];
  }
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLElement>('a.svc-link') : null;
  if (!link) return;
  event.preventDefault();
  vscodeApi.postMessage({ type: 'runCommand', command: link.dataset['command'], args: linkArguments(link) });
});

export {};
