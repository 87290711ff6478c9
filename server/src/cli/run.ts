import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEpisode } from '../core';
import { spellingFindings } from '../core/terms/check';
import { VERSION } from '../version';
import { parseArgs, UsageError } from './args';
import { checkFile, diagnosticsOf } from './checkFile';
import { addCopyFindings } from './crossFile';
import { ConfigResolver } from './configs';
import { discoverFiles } from './discover';
import { ignoreRoot, selectFiles } from './ignores';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { ANSI, formatText, PLAIN, plural, summaryLine } from './format/text';
import { helpText, USAGE } from './help';
import { mapPool } from './pool';
import { createProgress } from './progress';
import { SiteTermsResolver } from './siteTerms';
import { FileResult, Mode, Report, summarize } from './report';

/** The whole command, with its surroundings passed in: returns the exit code. */

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Stream;
  stderr: Stream;
}

/** Files read at once; checking itself is synchronous, so this only overlaps the I/O. */
const CONCURRENCY = 16;
/** Progress is worth showing only for runs this long. */
const PROGRESS_MIN_FILES = 50;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`transcript-lint: ${message}\n`);
    return 2;
  };
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n${USAGE}\nRun 'transcript-lint --help' for the options.`);
    throw error;
  }
  if (options.help) {
    io.stdout.write(helpText());
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }

  let paths = options.paths;
  if (paths.length === 0) {
    const samples = samplesOfThisRepository(io.cwd);
    if (!samples) return fail(`no file or folder to check\n${USAGE}\nRun 'transcript-lint --help' for the options.`);
    paths = [shownFolder(io.cwd, samples)];
    if (!options.quiet) io.stderr.write(`transcript-lint: no path given; checking ${paths[0]}/\n`);
  }

  const discovery = await discoverFiles(paths, io.cwd);
  if (discovery.problems.length > 0) return fail(discovery.problems.join('\ntranscript-lint: '));

  let configs;
  let files;
  try {
    const resolver = new ConfigResolver(options.rules, options.configFile === undefined ? undefined : path.resolve(io.cwd, options.configFile));
    files = selectFiles(discovery.files, ignoreRoot(io.cwd, options.ignores), resolver);
    configs = files.map((file) => resolver.forFile(file));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }

  const mode: Mode = options.fix ? 'fix' : options.fixDryRun ? 'dry-run' : 'check';
  const mediaPaths = options.media.map((m) => path.resolve(io.cwd, m));
  const isFolder = (p: string) => fs.existsSync(p) && fs.statSync(p).isDirectory();
  const media = { files: mediaPaths.filter((p) => !isFolder(p)), folders: mediaPaths.filter(isFolder), cwd: io.cwd };
  const progress = createProgress(io.stderr, files.length, !options.quiet && io.stderr.isTTY === true && files.length > PROGRESS_MIN_FILES);
  const siteTerms = new SiteTermsResolver(files, configs);
  const results = await mapPool(files, CONCURRENCY, async (file, i) => {
    const result = await checkFile(file, discovery.shown.get(file) ?? file, configs[i], mode, discovery.named.has(file), media, siteTerms);
    progress.tick();
    return result;
  });
  // Every file given is counted now: the rest of their site, then name-spelling and term-spelling.
  for (const result of results) if (result.spelling) await addSpellingFindings(result, siteTerms);
  progress.done();
  addCopyFindings(results);

  const report: Report = { mode, files: results, summary: summarize(results, mode) };
  writeReport(report, options.format, options.quiet, io);

  for (const result of results) if (result.problem) io.stderr.write(`transcript-lint: ${result.problem}\n`);
  if (results.some((result) => result.problem)) return 2;
  const { errors, warnings } = report.summary;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`transcript-lint: ${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

async function addSpellingFindings(result: FileResult, siteTerms: SiteTermsResolver): Promise<void> {
  const pending = result.spelling!;
  delete result.spelling;
  const terms = await siteTerms.forFile(result.file, pending.config);
  const model = pending.model ?? parseEpisode(pending.text, pending.uri, { maxFrontMatterKB: pending.config.frontMatterKB });
  result.diagnostics = diagnosticsOf(pending, terms ? spellingFindings(model, pending.config, terms) : []);
}

function writeReport(report: Report, format: string, quiet: boolean, io: CliIo): void {
  if (report.mode === 'dry-run') {
    for (const file of report.files) if (file.diff) io.stdout.write(file.diff);
    for (const file of report.files) if (file.needsHuman) io.stderr.write(`transcript-lint: ${file.path}: ${file.needsHuman}\n`);
    io.stderr.write(`${summaryLine(report.summary, 'would fix')}\n`);
    return;
  }
  switch (format) {
    case 'json':
      io.stdout.write(formatJson(report));
      break;
    case 'github':
      io.stdout.write(formatGithub(report));
      break;
    case 'sarif':
      io.stdout.write(formatSarif(report, io.cwd));
      break;
    default:
      io.stdout.write(formatText(report, useColor(io) ? ANSI : PLAIN));
      return;
  }
  // Machine formats keep stdout clean; what --fix changed is told on stderr.
  if (report.mode === 'fix' && !quiet) {
    for (const file of report.files) {
      if (file.changed) io.stderr.write(`transcript-lint: fixed ${fixedNote(file)}\n`);
      for (const title of file.repaired ?? []) io.stderr.write(`transcript-lint: ${file.path}: repaired: ${title}\n`);
      if (file.needsHuman) io.stderr.write(`transcript-lint: ${file.path}: ${file.needsHuman}\n`);
    }
  }
}

function fixedNote(file: FileResult): string {
  const rules = Object.entries(file.fixed ?? {}).map(([rule, n]) => `${rule} ${n}`);
  return `${file.path}${rules.length > 0 ? ` (${rules.join(', ')})` : ''}`;
}

/** Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or on a dumb terminal. */
function useColor(io: CliIo): boolean {
  return io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** The samples folder as the user would write it from where they are. */
function shownFolder(cwd: string, folder: string): string {
  const relative = path.relative(cwd, folder);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

/** With no path, inside this repository: its `samples/` folder (the sample episode). */
function samplesOfThisRepository(cwd: string): string | undefined {
  const root = path.resolve(__dirname, '../../../..');
  const samples = path.join(root, 'samples');
  const inside = path.relative(root, path.resolve(cwd));
  if (inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  return fs.existsSync(path.join(samples, 'episode.md')) ? samples : undefined;
}
