import * as path from 'node:path';
import { ConfigLayer, mergeConfigs, TranscriptConfig } from '../core';
import { findConfigFile, loadConfigFile } from '../node/configFile';
import { IgnoreRoot, ignoreRoot } from './ignores';

/**
 * The configuration of each file: `--config <file>` when given, else the nearest
 * `.transcriptlintrc.json` from the file's folder upward (the file the editor uses for the same
 * document), then the `--rule` options on top. Files sharing a config file share one object.
 * A config file that cannot be used throws an Error with a one-line message.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, TranscriptConfig>();
  private readonly byFile = new Map<string, TranscriptConfig>();
  private readonly explicit?: TranscriptConfig;
  /** Each config file's `ignores`, relative to its folder. */
  private readonly ignoresByFile = new Map<string, IgnoreRoot | undefined>();
  private readonly explicitFile?: string;

  constructor(private readonly ruleLayer: ConfigLayer, explicitFile?: string) {
    if (explicitFile !== undefined) {
      this.explicitFile = explicitFile;
      this.explicit = this.load(explicitFile);
    }
  }

  /** The `ignores` of the config file that applies to `file` (none without one). */
  ignoresFor(file: string): IgnoreRoot | undefined {
    const configFile = this.explicitFile ?? this.configFileIn(path.dirname(file));
    if (configFile === undefined) return undefined;
    this.load(configFile);
    return this.ignoresByFile.get(configFile);
  }

  forFile(file: string): TranscriptConfig {
    if (this.explicit) return this.explicit;
    const dir = path.dirname(file);
    let config = this.byDir.get(dir);
    if (!config) {
      const configFile = this.configFileIn(dir);
      config = configFile === undefined ? mergeConfigs(this.ruleLayer) : this.load(configFile);
      this.byDir.set(dir, config);
    }
    return config;
  }

  private readonly configFiles = new Map<string, string | undefined>();

  private configFileIn(dir: string): string | undefined {
    if (!this.configFiles.has(dir)) this.configFiles.set(dir, findConfigFile(dir));
    return this.configFiles.get(dir);
  }

  private load(configFile: string): TranscriptConfig {
    let config = this.byFile.get(configFile);
    if (!config) {
      const layer = loadConfigFile(configFile);
      config = mergeConfigs(layer, this.ruleLayer);
      this.byFile.set(configFile, config);
      this.ignoresByFile.set(configFile, layer.ignores && ignoreRoot(path.dirname(configFile), layer.ignores));
    }
    return config;
  }
}
