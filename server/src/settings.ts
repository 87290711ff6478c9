import type { Connection } from 'vscode-languageserver';
import { ConfigLayer, mergeConfigs, readConfig, TranscriptConfig, withoutRestrictedKeys } from './core';
import { parseConfigText } from './configText';
import type { ServerHost } from './host';
import { SETTINGS_SECTION, TranscriptSettings } from './protocol';

/**
 * The configuration of each document: the nearest `.transcriptlintrc.json` (shared with the CLI),
 * then the editor's `transcripts.*` settings on top — asked with `workspace/configuration`, or, from
 * a client that cannot be asked, the last ones it pushed with `workspace/didChangeConfiguration`.
 * Cached until settings or files change; the language service compares config objects by identity,
 * so a change means a new object.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<TranscriptConfig>>();
  private readonly resolved = new Map<string, TranscriptConfig>();
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly host: ServerHost,
    private readonly canPullConfiguration: () => boolean,
    private readonly workspaceTrusted: () => boolean = () => true,
  ) {}

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

  /** `workspace/didChangeConfiguration`'s `settings`: kept for when the client cannot be asked. */
  push(settings: unknown): void {
    const section = (settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (section !== undefined) this.pushed = section;
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
    const file = await this.configFileLayer(uri);
    if (file) layers.push(file);
    if (this.canPullConfiguration()) {
      try {
        const settings = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
        layers.push(this.editorLayer(settings));
      } catch (error) {
        this.connection.console.error(`Could not read the transcripts settings: ${String(error)}`);
      }
    } else if (this.pushed !== undefined) layers.push(this.editorLayer(this.pushed));
    return mergeConfigs(...layers);
  }

  private async configFileLayer(uri: string): Promise<ConfigLayer | undefined> {
    try {
      const file = await this.host.findConfigFile(uri);
      if (!file) return undefined;
      const text = await this.host.readFile(file);
      if (text === undefined) throw new Error(`cannot read ${file}`);
      const layer = parseConfigText(text, file);
      if (this.workspaceTrusted()) return layer;
      const { config, dropped } = withoutRestrictedKeys(layer);
      if (dropped.length > 0) this.connection.console.warn(`${file}: ${dropped.join(', ')} ignored until you trust this workspace`);
      return config;
    } catch (error) {
      this.connection.console.error(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /** `{ rules: {...}, order: { toleranceSeconds } }` as the editor sends it; unknown rule ids are reported once per load. */
  private editorLayer(settings: unknown): ConfigLayer {
    const s = (settings ?? {}) as TranscriptSettings & { order?: { toleranceSeconds?: unknown }; limits?: { frontMatterKB?: unknown }; chapters?: { filePattern?: unknown }; speechRate?: { maxWordsPerMinute?: unknown }; audio?: unknown };
    const filePattern = s.chapters?.filePattern || undefined;
    const { config, problems } = readConfig({
      peopleFolder: s.terms?.peopleFolder || undefined,
      rules: s.rules ?? undefined, toleranceSeconds: s.order?.toleranceSeconds ?? undefined, frontMatterKB: s.limits?.frontMatterKB ?? undefined,
      chapters: filePattern === undefined ? undefined : { filePattern },
      speechRate: s.speechRate ?? undefined,
      audio: s.audio ?? undefined,
    });
    for (const problem of problems) this.connection.console.warn(`transcripts settings: ${problem}`);
    return config;
  }
}
