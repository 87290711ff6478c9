import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigLayer, readConfig } from '../core';

export const CONFIG_FILE_NAME = '.transcriptlintrc.json';

/** The nearest `.transcriptlintrc.json` from `startDir` upward, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; throws an Error with a one-line message when it is unusable. */
export function loadConfigFile(file: string): ConfigLayer {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { config, problems } = readConfig(raw);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return config;
}
