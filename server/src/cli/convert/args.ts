import { EXPORT_FORMATS, ExportFormat, IMPORT_FORMATS, ImportFormat } from '../../core/convert/types';
import { readArgs, UsageError } from '../args';
import { TEXT_SHAPES, TextShape } from '../../core/formats/text/textShapes';

/** `transcript-convert`'s command line, read into one of its three jobs. Nothing here touches the file system. */

export interface ExportJob {
  kind: 'export';
  /** Episode files or folders (searched for `*.md`). */
  inputs: string[];
  to: ExportFormat;
  /** `-o FILE`: one input only. */
  output?: string;
  /** `--out-dir DIR`: one file per episode, `<name><extension>`. */
  outDir?: string;
  captions: boolean;
  introTitle?: string;
  /** `--ignore GLOB`, each: files in the folders or globs given left out (relative to the current folder). */
  ignores: string[];
}

export interface ImportJob {
  kind: 'import';
  source: string;
  into: string;
  /** `--from`, else the source's extension. */
  from?: ImportFormat;
  /** `--from SHAPE` (`otter`, `rev`, …): text read in that shape; else told from the content. */
  shape?: TextShape;
  replace: boolean;
  oneItemPerCue: boolean;
  /** `--speaker OLD=NEW`, in order. */
  speakers: Record<string, string>;
  maxLineChars?: number;
}

export interface InsertChaptersJob {
  kind: 'insertChapters';
  chapters: string;
  into: string;
  keepHeaders: boolean;
}

export type ConvertJob = ExportJob | ImportJob | InsertChaptersJob | { kind: 'help' } | { kind: 'version' };

const FLAGS = new Set(['--replace', '--one-item-per-cue', '--chapters', '--keep-headers', '--captions', '--help', '-h', '--version', '-v']);
const WITH_VALUE = new Set(['--to', '-o', '--output', '--out-dir', '--into', '--from', '--speaker', '--max-line-chars', '--intro-title', '--ignore']);

interface Raw {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string[]>;
}

export function parseConvertArgs(argv: readonly string[]): ConvertJob {
  const raw = readRaw(argv);
  if (raw.flags.has('--help') || raw.flags.has('-h')) return { kind: 'help' };
  if (raw.flags.has('--version') || raw.flags.has('-v')) return { kind: 'version' };
  const to = single(raw, '--to');
  const into = single(raw, '--into');
  if (to !== undefined && into !== undefined) throw new UsageError("use '--to' (export) or '--into' (import), not both");
  if (to !== undefined) return exportJob(raw, to);
  if (into !== undefined) return raw.flags.has('--chapters') ? insertChaptersJob(raw, into) : importJob(raw, into);
  throw new UsageError("say what to do: '--to FORMAT' to export an episode, or '--into EPISODE.md' to import into one");
}

function readRaw(argv: readonly string[]): Raw {
  const raw: Raw = { positional: [], flags: new Set(), values: new Map() };
  for (const token of readArgs(argv, FLAGS, WITH_VALUE)) {
    if (token.kind === 'positional') raw.positional.push(token.value);
    else if (token.kind === 'flag') raw.flags.add(token.name);
    else {
      const key = token.name === '--output' ? '-o' : token.name;
      raw.values.set(key, [...(raw.values.get(key) ?? []), token.value]);
    }
  }
  return raw;
}

function single(raw: Raw, name: string): string | undefined {
  const values = raw.values.get(name);
  if (!values) return undefined;
  if (values.length > 1) throw new UsageError(`'${name}' is given ${values.length} times`);
  if (values[0] === '') throw new UsageError(`'${name}' needs a value`);
  return values[0];
}

/** Options that belong to another job are refused, not silently ignored. */
function refuse(raw: Raw, job: string, names: string[]): void {
  for (const name of names) {
    if (raw.flags.has(name) || raw.values.has(name)) throw new UsageError(`'${name}' does not apply to ${job}`);
  }
}

function exportJob(raw: Raw, to: string): ExportJob {
  if (!(EXPORT_FORMATS as readonly string[]).includes(to)) throw new UsageError(`unknown format '${to}' for '--to' (use ${EXPORT_FORMATS.join(', ')})`);
  refuse(raw, 'an export', ['--from', '--replace', '--one-item-per-cue', '--speaker', '--max-line-chars', '--chapters', '--keep-headers']);
  const output = single(raw, '-o');
  const outDir = single(raw, '--out-dir');
  if (raw.positional.length === 0) throw new UsageError('name the episode to export');
  if (output !== undefined && outDir !== undefined) throw new UsageError("use '-o FILE' or '--out-dir DIR', not both");
  if (output !== undefined && raw.positional.length > 1) throw new UsageError("'-o' writes one file: give one episode, or use '--out-dir DIR'");
  const format = to as ExportFormat;
  if (raw.flags.has('--captions') && format !== 'vtt' && format !== 'srt') throw new UsageError("'--captions' applies to '--to vtt' and '--to srt'");
  const introTitle = single(raw, '--intro-title');
  if (introTitle !== undefined && format !== 'youtube') throw new UsageError("'--intro-title' applies to '--to youtube'");
  const ignores = raw.values.get('--ignore') ?? [];
  if (ignores.some((glob) => glob.trim() === '')) throw new UsageError("'--ignore' needs a glob (e.g. '_podcast/_template.md' or 'drafts/**')");
  return { kind: 'export', inputs: raw.positional, to: format, output, outDir, captions: raw.flags.has('--captions'), introTitle, ignores };
}

function importJob(raw: Raw, into: string): ImportJob {
  refuse(raw, 'an import', ['-o', '--out-dir', '--captions', '--intro-title', '--keep-headers', '--ignore']);
  const source = onlySource(raw, 'the transcript to import');
  const given = single(raw, '--from');
  const shape = (TEXT_SHAPES as readonly string[]).includes(given ?? '') ? (given as TextShape) : undefined;
  const from = shape ? 'text' : given;
  if (from !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(from)) {
    throw new UsageError(`unknown format '${from}' for '--from' (use ${IMPORT_FORMATS.join(', ')}, or a text shape: ${TEXT_SHAPES.join(', ')})`);
  }
  const speakers: Record<string, string> = {};
  for (const spec of raw.values.get('--speaker') ?? []) {
    const eq = spec.indexOf('=');
    const from = eq > 0 ? spec.slice(0, eq).trim() : '';
    const to = eq > 0 ? spec.slice(eq + 1).trim() : '';
    if (!from || !to) throw new UsageError(`'--speaker' expects OLD=NEW (e.g. "Speaker 1=Alexey"), not '${spec}'`);
    speakers[from] = to;
  }
  const max = single(raw, '--max-line-chars');
  if (max !== undefined && !/^[1-9]\d*$/.test(max)) throw new UsageError(`'--max-line-chars' needs a whole number above 0, not '${max}'`);
  return {
    kind: 'import', source, into, from: from as ImportFormat | undefined, ...(shape ? { shape } : {}), replace: raw.flags.has('--replace'),
    oneItemPerCue: raw.flags.has('--one-item-per-cue'), speakers, maxLineChars: max === undefined ? undefined : Number(max),
  };
}

function insertChaptersJob(raw: Raw, into: string): InsertChaptersJob {
  refuse(raw, 'inserting chapters', ['-o', '--out-dir', '--captions', '--intro-title', '--ignore', '--from', '--replace', '--one-item-per-cue', '--speaker', '--max-line-chars']);
  return { kind: 'insertChapters', chapters: onlySource(raw, 'the chapter list'), into, keepHeaders: raw.flags.has('--keep-headers') };
}

function onlySource(raw: Raw, what: string): string {
  if (raw.positional.length === 0) throw new UsageError(`name ${what}`);
  if (raw.positional.length > 1) throw new UsageError(`'--into' takes one source file, not ${raw.positional.length}`);
  return raw.positional[0];
}
