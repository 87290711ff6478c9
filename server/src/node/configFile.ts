import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigLayer } from '../core';
import { parseConfigText } from '../configText';
import { CONFIG_FILE_NAME } from '../protocol';

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
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseConfigText(text, file);
}
