import { addRule, ConfigLayer } from '../core';

/** The command line, read into plain options. Nothing here touches the file system. */

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  format: Format;
  fix: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** `--rule id=severity`, in order: the last one for a rule wins. */
  rules: ConfigLayer;
  /** `--ignore <glob>`, each: files left out (relative to the current folder). */
  ignores: string[];
  /** `--config <file>`: use this file instead of looking for `.transcriptlintrc.json`. */
  configFile?: string;
  help: boolean;
  version: boolean;
}

/** A problem with the command line: one line for stderr, exit code 2. */
export class UsageError extends Error {}

const FLAGS: Record<string, 'fix' | 'fixDryRun' | 'quiet' | 'help' | 'version'> = {
  '--fix': 'fix',
  '--fix-dry-run': 'fixDryRun',
  '--quiet': 'quiet',
  '-q': 'quiet',
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-v': 'version',
};

const WITH_VALUE = new Set(['--format', '-f', '--rule', '--max-warnings', '--config', '-c', '--ignore']);

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { paths: [], format: 'text', fix: false, fixDryRun: false, quiet: false, rules: { rules: {} }, ignores: [], help: false, version: false };
  for (const token of readArgs(argv, new Set(Object.keys(FLAGS)), WITH_VALUE)) {
    if (token.kind === 'positional') options.paths.push(token.value);
    else if (token.kind === 'flag') options[FLAGS[token.name]] = true;
    else applyValue(options, token.name, token.value);
  }
  if (options.fix && options.fixDryRun) throw new UsageError("use either '--fix' or '--fix-dry-run', not both");
  if (options.fixDryRun && options.format !== 'text') throw new UsageError(`'--fix-dry-run' prints a diff; it does not combine with '--format ${options.format}'`);
  return options;
}

export type ArgToken = { kind: 'positional'; value: string } | { kind: 'flag'; name: string } | { kind: 'option'; name: string; value: string };

/**
 * A command line as tokens, the way both CLIs read it: `--` ends the options, `-` alone is a path,
 * `--name=value` or `--name value` for options that take one, anything unknown refused.
 */
export function readArgs(argv: readonly string[], flags: ReadonlySet<string>, withValue: ReadonlySet<string>): ArgToken[] {
  const tokens: ArgToken[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      for (const value of argv.slice(i + 1)) tokens.push({ kind: 'positional', value });
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      tokens.push({ kind: 'positional', value: arg });
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (flags.has(name)) {
      if (eq > 0) throw new UsageError(`option '${name}' takes no value`);
      tokens.push({ kind: 'flag', name });
      continue;
    }
    if (!withValue.has(name)) throw new UsageError(`unknown option '${name}'`);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else throw new UsageError(`option '${name}' needs a value`);
    tokens.push({ kind: 'option', name, value });
  }
  return tokens;
}

function applyValue(options: CliOptions, name: string, value: string): void {
  switch (name) {
    case '--format':
    case '-f':
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`unknown format '${value}' (use ${FORMATS.join(', ')})`);
      options.format = value as Format;
      return;
    case '--rule':
      for (const part of value.split(',')) addRuleArg(options.rules, part.trim());
      return;
    case '--ignore':
      if (value.trim() === '') throw new UsageError("'--ignore' needs a glob (e.g. '_podcast/_template.md' or 'drafts/**')");
      options.ignores.push(value);
      return;
    case '--max-warnings':
      if (!/^\d+$/.test(value)) throw new UsageError(`'--max-warnings' needs a whole number of 0 or more, not '${value}'`);
      options.maxWarnings = Number(value);
      return;
    default: // --config, -c
      if (value === '') throw new UsageError(`'${name}' needs a file name`);
      options.configFile = value;
  }
}

function addRuleArg(layer: ConfigLayer, spec: string): void {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new UsageError(`'--rule' expects id=severity (e.g. sec-order=error), not '${spec}'`);
  const problems: string[] = [];
  addRule(layer, spec.slice(0, eq).trim(), spec.slice(eq + 1).trim(), problems);
  if (problems.length > 0) throw new UsageError(`--rule ${spec}: ${problems[0]}`);
}
