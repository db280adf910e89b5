/** The nonce of a webview page's Content-Security-Policy: fresh for every page, so only the page's own scripts run. */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
}
