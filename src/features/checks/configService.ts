import * as vscode from 'vscode';
import { CONFIG_PATH, EMPTY_CONFIG, nearestConfigFolder, relativePathIn, withConfiguredSeverities, type SvcConfig } from '../../model/checks';
import { LineMap } from '../../model/documents';
import type { EditionId } from '../../model/itil';
import { ignoreMatcher, parseSvcConfig } from '../../model/yamlParsers';
import { findingDiagnostic, readEditedText, watchSvcFiles } from '../shared';

export const CONFIG_DIAGNOSTIC_SOURCE = 'SVC config';

/** What a document is checked with. */
export interface DocumentConfig {
  readonly config: SvcConfig;
  /** Whether the configuration's `ignore` patterns leave the document out: it gets no diagnostics. */
  readonly ignored: boolean;
}

const NOT_CONFIGURED: DocumentConfig = { config: EMPTY_CONFIG, ignored: false };

interface LoadedConfig {
  readonly config: SvcConfig;
  /** The folder that holds `.svc/`: the ignore patterns are relative to it, and it applies to everything below it. */
  readonly folder: vscode.Uri;
  /** The workspace folder it belongs to; a configuration never applies across workspace folders. */
  readonly workspaceFolder: string;
  readonly isIgnored: (relativePath: string) => boolean;
}

/** `.svc/config.yaml` files in a dependency's folder configure that dependency's own checks, not this workspace's. */
function isDependency(uri: vscode.Uri): boolean {
  return uri.path.includes('/node_modules/');
}

/**
 * The checks configuration in the editor: every `.svc/config.yaml` in the workspace folders, read (unsaved edits
 * first), watched and read again as it changes, with its own problems shown in it. A document is checked with the
 * nearest one above it in its workspace folder, as svc-check reads the nearest one above each file; a workspace
 * without one never loads the YAML reader.
 */
export class ConfigService implements vscode.Disposable {
  /** By the URI of the configuration file. */
  private readonly configs = new Map<string, LoadedConfig>();
  /** Bumped on every read of a file, so a slow read never overwrites a newer one. */
  private readonly generations = new Map<string, number>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('svc-config');
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  private loading: Promise<void>;

  /** Fires when a configuration was added, changed or removed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    this.disposables = [
      watchSvcFiles(CONFIG_PATH, (uri) => this.isConfigFile(uri), (uri) => this.reload(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.loading = Promise.all([this.loading, this.scan()]).then(() => undefined);
      }),
      this.changeEmitter,
      this.diagnostics,
    ];
    this.loading = this.scan();
  }

  /** Resolves once every configuration has been read (again, after a change). */
  ready(): Promise<void> {
    return this.loading;
  }

  /** The configuration a document is checked with. */
  forDocument(uri: vscode.Uri): DocumentConfig {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
    if (workspaceFolder === undefined || this.configs.size === 0) return NOT_CONFIGURED;
    const byFolder = new Map([...this.configs.values()].filter((loaded) => loaded.workspaceFolder === workspaceFolder).map((loaded) => [loaded.folder.path, loaded]));
    const nearest = nearestConfigFolder(uri.path, byFolder.keys());
    const loaded = nearest === undefined ? undefined : byFolder.get(nearest);
    if (!loaded) return NOT_CONFIGURED;
    const relativePath = relativePathIn(loaded.folder.path, uri.path);
    return { config: loaded.config, ignored: relativePath !== undefined && loaded.isIgnored(relativePath) };
  }

  /**
   * The edition named by the configuration at the root of the first workspace folder: the views and cards follow
   * one edition per window, as they do with the `svc.edition` setting.
   */
  workspaceEdition(): EditionId | undefined {
    const first = vscode.workspace.workspaceFolders?.[0];
    return first ? this.configs.get(vscode.Uri.joinPath(first.uri, CONFIG_PATH).toString())?.config.edition : undefined;
  }

  private isConfigFile(uri: vscode.Uri): boolean {
    return uri.path.endsWith(`/${CONFIG_PATH}`) && vscode.workspace.getWorkspaceFolder(uri) !== undefined && !isDependency(uri);
  }

  /** Finds every configuration of the open workspace folders, and forgets those of folders that were removed. */
  private async scan(): Promise<void> {
    for (const key of this.configs.keys()) {
      const uri = vscode.Uri.parse(key);
      if (!this.isConfigFile(uri)) this.reload(uri);
    }
    const found = await vscode.workspace.findFiles(`**/${CONFIG_PATH}`);
    await Promise.all(found.filter((uri) => this.isConfigFile(uri)).map((uri) => this.load(uri)));
  }

  private reload(uri: vscode.Uri): void {
    this.loading = Promise.all([this.loading, this.load(uri)]).then(() => undefined);
  }

  private async load(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const text = this.isConfigFile(uri) ? await readEditedText(uri) : undefined;
    if (this.generations.get(key) !== generation) return;
    if (text === undefined) {
      this.diagnostics.delete(uri);
      if (this.configs.delete(key)) this.changeEmitter.fire();
      return;
    }
    const { config, findings } = parseSvcConfig(text);
    const lines = new LineMap(text);
    // The file's own problems follow its own severities, as in svc-check.
    this.diagnostics.set(uri, withConfiguredSeverities(findings, config).map((finding) => findingDiagnostic(lines, finding, CONFIG_DIAGNOSTIC_SOURCE)));
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
    const folder = uri.with({ path: uri.path.slice(0, -`/${CONFIG_PATH}`.length) });
    this.configs.set(key, { config, folder, workspaceFolder, isIgnored: ignoreMatcher(config) });
    this.changeEmitter.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
