import * as path from 'node:path';
import { ConfigLayer, mergeConfigs, TranscriptConfig } from '../core';
import { findConfigFile, loadConfigFile } from '../node/configFile';

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

  constructor(private readonly ruleLayer: ConfigLayer, explicitFile?: string) {
    if (explicitFile !== undefined) this.explicit = mergeConfigs(loadConfigFile(explicitFile), ruleLayer);
  }

  forFile(file: string): TranscriptConfig {
    if (this.explicit) return this.explicit;
    const dir = path.dirname(file);
    let config = this.byDir.get(dir);
    if (!config) {
      const configFile = findConfigFile(dir);
      config = configFile === undefined ? mergeConfigs(this.ruleLayer) : this.load(configFile);
      this.byDir.set(dir, config);
    }
    return config;
  }

  private load(configFile: string): TranscriptConfig {
    let config = this.byFile.get(configFile);
    if (!config) {
      config = mergeConfigs(loadConfigFile(configFile), this.ruleLayer);
      this.byFile.set(configFile, config);
    }
    return config;
  }
}
