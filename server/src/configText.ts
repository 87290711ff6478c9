import { ConfigLayer, readConfig } from './core';

/**
 * A `.transcriptlintrc.json`'s text as a config layer, for the CLI (from disk) and the server (from
 * its host). Throws an Error with a one-line message, naming `name`, when it is unusable.
 */
export function parseConfigText(text: string, name: string): ConfigLayer {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { config, problems } = readConfig(raw);
  if (problems.length > 0) throw new Error(`${name}: ${problems.join('; ')}`);
  return config;
}
