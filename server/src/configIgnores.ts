import { compileGlob, Glob, ignoresPath } from './cli/glob';
import { parseConfigText } from './configText';
import type { ServerHost } from './host';
import { dirnameUri, relativeUri } from './uri';

/**
 * The `ignores` of `.transcriptlintrc.json` for the workspace features (Check All Episodes, the
 * workspace index), as transcript-lint applies them: globs relative to the config file's folder. Each
 * config file is read once per listing; one that cannot be used ignores nothing (the editor reports it
 * where it checks the file).
 */
export class ConfigIgnores {
  private readonly byConfig = new Map<string, Promise<Glob[]>>();
  private readonly configByFolder = new Map<string, Promise<string | undefined>>();

  constructor(private readonly host: Pick<ServerHost, 'findConfigFile' | 'readFile'>) {}

  async ignores(uri: string): Promise<boolean> {
    const folder = dirnameUri(uri);
    if (!this.configByFolder.has(folder)) this.configByFolder.set(folder, this.host.findConfigFile(uri).catch(() => undefined));
    const config = await this.configByFolder.get(folder);
    if (!config) return false;
    if (!this.byConfig.has(config)) this.byConfig.set(config, this.globs(config));
    const globs = await this.byConfig.get(config)!;
    const relative = relativeUri(dirnameUri(config), uri);
    return relative !== undefined && globs.some((glob) => ignoresPath(glob, relative));
  }

  private async globs(config: string): Promise<Glob[]> {
    try {
      const text = await this.host.readFile(config);
      return text === undefined ? [] : (parseConfigText(text, config).ignores ?? []).map((pattern) => compileGlob(pattern));
    } catch {
      return [];
    }
  }
}
