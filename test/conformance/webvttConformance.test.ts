import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readTranscriptSource } from '../../server/src/core/formats/readSource';
import { ConvertError } from '../../server/src/core/convert/types';
import { ROOT } from '../helpers';

/**
 * The public WebVTT suites (test/conformance/webvtt/README.md) read through our WebVTT import: each
 * case's cue list (start, end, text, voice) against the one the suite expects. A case that fails is
 * either fixed or listed in known-failures.json with its reason; a listed case that passes fails
 * the run, so the list never outlives its reason.
 */

const DIR = path.join(ROOT, 'test/conformance/webvtt');
const SUITES = ['wpt-file-parsing.json', 'wpt-cue-text.json', 'vttjs.json'];

interface ExpectedCue {
  start?: number;
  end?: number;
  text?: string;
  voice?: string;
}
interface Case {
  name: string;
  path: string;
  vtt: string;
  cues: ExpectedCue[];
}
interface ReadCue {
  start: number;
  end?: number;
  text: string;
  voice?: string;
}

/** White space as the import folds it (ASCII white space runs as one space, trimmed). */
const fold = (text: string) => text.replace(/[ \t\n\r\f]+/g, ' ').trim();

/**
 * What the suite expects, as a transcript import can give it: a cue whose text is only white space
 * is not a spoken line (the import skips it and says so), so it is not expected.
 */
function expectedCues(testCase: Case): ExpectedCue[] {
  return testCase.cues.filter((cue) => cue.text === undefined || fold(cue.text) !== '');
}

/** Our import's cues: one item per cue, so every cue the reader found is one item. */
async function importedCues(vtt: string): Promise<ReadCue[]> {
  try {
    const result = await readTranscriptSource({ format: 'vtt', text: vtt }, { oneItemPerCue: true });
    return result.items.map((item) => ('line' in item ? { start: item.sec ?? NaN, text: item.line, voice: item.who } : { start: NaN, text: '' }));
  } catch (error) {
    if (error instanceof ConvertError) return [];
    throw error;
  }
}

/** The first difference between what the suite expects and what we read, or undefined. */
function difference(expected: readonly ExpectedCue[], read: readonly ReadCue[]): string | undefined {
  if (expected.length !== read.length) return `${read.length} cues read, ${expected.length} expected`;
  for (let i = 0; i < expected.length; i++) {
    const [want, got] = [expected[i], read[i]];
    // Items keep whole seconds (`sec`): the start is compared floored.
    if (want.start !== undefined && Math.floor(want.start) !== got.start) return `cue ${i + 1}: start ${got.start}, expected ${want.start}`;
    if (want.end !== undefined && got.end !== undefined && want.end !== got.end) return `cue ${i + 1}: end ${got.end}, expected ${want.end}`;
    if (want.text !== undefined && fold(want.text) !== got.text) return `cue ${i + 1}: text ${JSON.stringify(got.text)}, expected ${JSON.stringify(fold(want.text))}`;
    if ((want.voice ?? undefined) !== got.voice && (want.text !== undefined || want.voice !== undefined)) return `cue ${i + 1}: speaker ${JSON.stringify(got.voice)}, expected ${JSON.stringify(want.voice)}`;
  }
  return undefined;
}

const knownFailures: Record<string, string> = JSON.parse(fs.readFileSync(path.join(DIR, 'known-failures.json'), 'utf8'));

test('WebVTT conformance: every case of the public suites reads as the suite expects, or is a known failure with its reason', async () => {
  const failing: string[] = [];
  const fixed: string[] = [];
  let total = 0;
  for (const suite of SUITES) {
    const cases: Case[] = JSON.parse(fs.readFileSync(path.join(DIR, suite), 'utf8')).cases;
    for (const testCase of cases) {
      total++;
      const key = `${suite.replace(/\.json$/, '')}: ${testCase.name}`;
      const problem = difference(expectedCues(testCase), await importedCues(testCase.vtt));
      if (problem && !(key in knownFailures)) failing.push(`${key}: ${problem}`);
      if (!problem && key in knownFailures) fixed.push(key);
    }
  }
  const known = Object.keys(knownFailures).length;
  console.log(`WebVTT conformance: ${total - known - failing.length + fixed.length} of ${total} cases pass; ${known - fixed.length} known failures (test/conformance/webvtt/known-failures.json)`);
  assert.deepEqual(failing, [], 'cases that fail and are not known failures');
  assert.deepEqual(fixed, [], 'known failures that now pass: remove them from known-failures.json');
  for (const [key, reason] of Object.entries(knownFailures)) assert.ok(reason.trim().length > 10, `known failure ${key} says why`);
});
