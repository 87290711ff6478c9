import * as fs from 'node:fs';
import * as path from 'node:path';
import { isLiquidTemplate, parseEpisode } from '../../core';
import { exportEpisode } from '../../core/exportEpisode';
import { ConvertError, EXPORT_EXTENSIONS } from '../../core/convert/types';
import { ConfigResolver } from '../configs';
import { discoverFiles } from '../discover';
import { ignoreRoot, selectFiles } from '../ignores';
import type { CliIo } from '../run';
import type { ExportJob } from './args';
import { InputError, InputTooLarge, OutputError, readInputText, writeOutput } from './files';
import { reason } from '../discover';

interface Converted {
  file: string;
  text: string;
}

/**
 * `transcript-convert EPISODE.md... --to FORMAT`: every episode is converted in memory first; when
 * any cannot be, nothing is written (exit 1). Files in a folder without a transcript are skipped
 * and counted, and so are Jekyll templates (Liquid in the front matter); a file named on its own must be
 * an episode. `--ignore` globs and the `ignores` of `.transcriptlintrc.json` leave files out, as in
 * transcript-lint.
 */
export async function exportCommand(job: ExportJob, io: CliIo): Promise<number> {
  const discovery = await discoverFiles(job.inputs, io.cwd);
  const failures = [...discovery.problems];
  let files: string[];
  try {
    files = selectFiles(discovery.files, ignoreRoot(io.cwd, job.ignores), new ConfigResolver({ rules: {} }));
  } catch (error) {
    io.stderr.write(`transcript-convert: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const converted: Converted[] = [];
  let skipped = 0;
  let tooLarge = false;
  for (const file of files) {
    const shown = discovery.shown.get(file) ?? file;
    const named = discovery.named.has(file);
    try {
      const text = await readInputText(file);
      if (!named && isLiquidTemplate(text)) {
        skipped++;
        continue;
      }
      const model = parseEpisode(text, file);
      if (!model.transcript && !named && model.syntaxErrors.length === 0) {
        skipped++;
        continue;
      }
      const result = exportEpisode(model, job.to, { captions: job.captions, introTitle: job.introTitle });
      for (const warning of result.warnings) io.stderr.write(`transcript-convert: ${shown}: ${warning}\n`);
      converted.push({ file, text: result.text });
    } catch (error) {
      if (!(error instanceof ConvertError) && !(error instanceof InputError)) throw error;
      tooLarge ||= error instanceof InputTooLarge;
      failures.push(`${shown}: ${error instanceof ConvertError ? error.describe() : error.message}`);
    }
  }
  if (failures.length > 0) {
    for (const failure of failures) io.stderr.write(`transcript-convert: ${failure}\n`);
    io.stderr.write(`transcript-convert: nothing written (${failures.length} ${failures.length === 1 ? 'problem' : 'problems'})\n`);
    return tooLarge ? 2 : 1;
  }
  if (converted.length === 0) {
    io.stderr.write('transcript-convert: no episode with a transcript found; nothing written\n');
    return 1;
  }
  if (job.outDir === undefined && job.output === undefined && (converted.length > 1 || isFolder(job.inputs, io.cwd))) {
    io.stderr.write("transcript-convert: several episodes: give '--out-dir DIR' to write one file each\n");
    return 2;
  }
  try {
    return await writeAll(job, converted, files, skipped, io);
  } catch (error) {
    const where = job.output ?? job.outDir ?? '';
    const why = error instanceof OutputError ? error.message : `not written: ${reason(error)}`;
    io.stderr.write(`transcript-convert: ${where}: ${why}\n`);
    return 2;
  }
}

function isFolder(inputs: string[], cwd: string): boolean {
  return inputs.some((input) => fs.statSync(path.resolve(cwd, input), { throwIfNoEntry: false })?.isDirectory());
}

async function writeAll(job: ExportJob, converted: Converted[], inputs: string[], skipped: number, io: CliIo): Promise<number> {
  if (job.outDir === undefined) {
    if (job.output === undefined) io.stdout.write(converted[0].text);
    else await writeOutput(path.resolve(io.cwd, job.output), converted[0].text, inputs);
    return 0;
  }
  const outDir = path.resolve(io.cwd, job.outDir);
  const extension = EXPORT_EXTENSIONS[job.to];
  const names = new Set<string>();
  for (const { file } of converted) {
    const name = path.basename(file, path.extname(file)) + extension;
    if (names.has(name)) {
      io.stderr.write(`transcript-convert: two episodes would both be written as ${name}; nothing written\n`);
      return 1;
    }
    names.add(name);
  }
  for (const { file, text } of converted) await writeOutput(path.join(outDir, path.basename(file, path.extname(file)) + extension), text, inputs);
  const skippedNote = skipped > 0 ? `; ${skipped} ${skipped === 1 ? 'file' : 'files'} without a transcript skipped` : '';
  io.stderr.write(`transcript-convert: ${converted.length} ${converted.length === 1 ? 'file' : 'files'} written to ${path.relative(io.cwd, outDir) || '.'}${skippedNote}\n`);
  return 0;
}
