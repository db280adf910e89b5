// Types of scripts/vscode-host.mjs for the TypeScript e2e helpers that import it at run time.
import type { BrowserContext } from 'playwright-core';

export const repoRoot: string;
export const chromiumPath: string;
export const QUIET_USER_SETTINGS: Readonly<Record<string, unknown>>;

export interface WorkbenchServer {
  readonly pid: number;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  readonly runDir: string;
  readonly logFile: string;
  /** Resolves with the exit code (or signal) when the main server process ends. */
  readonly exited: Promise<number | string>;
  /** Replaces the user settings (quiet settings plus `settings`); the next workbench load reads them. */
  writeUserSettings(settings: Record<string, unknown>): void;
  newBrowserProfileDir(): string;
  stop(): Promise<void>;
}

export interface WorkbenchUrlOptions {
  folder?: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  extensionEnvironment?: Record<string, string>;
}

export function ensureDebianPackages(): Promise<void>;
export function ensureHost(): Promise<void>;
export interface StartServerOptions {
  /** Added to the quiet user settings. */
  userSettings?: Record<string, unknown>;
  /** The smoke-test driver, which test payloads need and which hides notification toasts; default true. */
  testDriver?: boolean;
  /** Extension folders linked into the extensions folder, loaded as installed extensions. */
  linkedExtensions?: string[];
  /** VSIX files installed with code-server's `--install-extension` before it starts. */
  vsixFiles?: string[];
}

export function startServer(options?: StartServerOptions): Promise<WorkbenchServer>;
export function stopAllServers(): Promise<void>;
/** One server per process, started on first use (ensures the host first). */
export function sharedServer(): Promise<WorkbenchServer>;
export function launchBrowser(profileDir: string): Promise<BrowserContext>;
export function workbenchUrl(base: string, options?: WorkbenchUrlOptions): string;
