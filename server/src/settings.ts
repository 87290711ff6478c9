import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { ConfigLayer, mergeConfigs, readConfig, TranscriptConfig } from './core';
import { findConfigFile, loadConfigFile } from './node/configFile';

/**
 * The configuration of each document: the nearest `.transcriptlintrc.json` (shared with the CLI),
 * then the editor's `transcripts.*` settings on top. Cached until settings or files change; the
 * language service compares config objects by identity, so a change means a new object.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<TranscriptConfig>>();
  private readonly resolved = new Map<string, TranscriptConfig>();

  constructor(private readonly connection: Connection, private readonly canPullConfiguration: () => boolean) {}

  /** The last resolved configuration (what the language service reads synchronously). */
  current(uri: string): TranscriptConfig {
    return this.resolved.get(uri) ?? mergeConfigs();
  }

  async resolve(uri: string): Promise<TranscriptConfig> {
    let pending = this.byUri.get(uri);
    if (!pending) {
      pending = this.load(uri).then((config) => {
        this.resolved.set(uri, config);
        return config;
      });
      this.byUri.set(uri, pending);
    }
    return pending;
  }

  clear(): void {
    this.byUri.clear();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.resolved.delete(uri);
  }

  private async load(uri: string): Promise<TranscriptConfig> {
    const layers: ConfigLayer[] = [];
    const file = this.configFileLayer(uri);
    if (file) layers.push(file);
    if (this.canPullConfiguration()) {
      try {
        const settings = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'transcripts' });
        layers.push(this.editorLayer(settings));
      } catch (error) {
        this.connection.console.error(`Could not read the transcripts settings: ${String(error)}`);
      }
    }
    return mergeConfigs(...layers);
  }

  private configFileLayer(uri: string): ConfigLayer | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const file = findConfigFile(path.dirname(fileURLToPath(uri)));
      return file ? loadConfigFile(file) : undefined;
    } catch (error) {
      this.connection.console.error(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /** `{ rules: {...}, order: { toleranceSeconds } }` as the editor sends it; unknown rule ids are reported once per load. */
  private editorLayer(settings: unknown): ConfigLayer {
    const s = (settings ?? {}) as { rules?: unknown; order?: { toleranceSeconds?: unknown }; limits?: { frontMatterKB?: unknown } };
    const { config, problems } = readConfig({ rules: s.rules ?? undefined, toleranceSeconds: s.order?.toleranceSeconds ?? undefined, frontMatterKB: s.limits?.frontMatterKB ?? undefined });
    for (const problem of problems) this.connection.console.warn(`transcripts settings: ${problem}`);
    return config;
  }
}
