import { parse } from 'yaml';
import { doubleQuoted } from '../convert/itemYaml';
import type { Field } from '../model';
import type { Fix, Span, TextEdit } from '../types';
import { CONTROL_CHARACTER } from '../text';
import type { RuleContext } from './context';
import type { ChangeTest } from './incremental';

/**
 * control-character: C0 and C1 controls (NUL, ESC, DEL, NEL…) and the line and paragraph separators,
 * written as they are in the front matter. They are invisible in the editor; PyYAML (what Jekyll sites
 * read front matter with) refuses a file holding most of them and reads NEL and the separators as
 * line breaks, while the `yaml` package keeps them as text; exports would pass them on. Tab, LF and
 * CR are YAML's own and are not reported.
 */
const CONTROL_RUN = new RegExp(`${CONTROL_CHARACTER.source}+`, 'g');

/** The edited item's text held or holds a control character (elsewhere nothing changed). */
export const controlCharactersChanged: ChangeTest = ({ beforeText, afterText }) => CONTROL_CHARACTER.test(beforeText) || CONTROL_CHARACTER.test(afterText);

export function checkControlCharacters(ctx: RuleContext): void {
  const frontMatter = ctx.model.frontMatter;
  if (!frontMatter) return;
  const text = ctx.model.text;
  // The common case costs one scan of the front matter.
  if (!CONTROL_CHARACTER.test(text.slice(frontMatter.contentStart, frontMatter.contentEnd))) return;
  const reported: Span[] = [];
  for (const field of textFields(ctx)) {
    const span = field.valueSpan!;
    const raw = text.slice(span.start, span.end);
    if (!CONTROL_CHARACTER.test(raw)) continue;
    reported.push(span);
    const found = runsIn(raw, span.start);
    const where = { start: found[0].start, end: found[found.length - 1].end };
    const fix = escapeFix(field, raw, found);
    ctx.report('control-character', where, `${field.key} holds ${describe(text, found)}${CONSEQUENCE}`, fix ? [fix] : []);
  }
  // Anywhere else (a key, a comment, a list of names): reported, left for a person.
  reported.sort((a, b) => a.start - b.start);
  for (const run of runsIn(text.slice(frontMatter.contentStart, frontMatter.contentEnd), frontMatter.contentStart)) {
    if (reported.some((span) => span.start <= run.start && run.end <= span.end)) continue;
    ctx.report('control-character', run, `the front matter holds ${describe(text, [run])}${CONSEQUENCE}`);
  }
}

const CONSEQUENCE = ': invisible here, refused or read as a line break by PyYAML (what Jekyll reads front matter with), and carried into exports';

/** The string values of the metadata (nested maps too) and of every transcript item. */
function textFields(ctx: RuleContext): Field[] {
  const fields: Field[] = [];
  const add = (list: readonly Field[]) => {
    for (const field of list) {
      if (field.kind === 'string' && field.valueSpan) fields.push(field);
      if (field.children) add(field.children);
    }
  };
  add(ctx.model.topLevel);
  for (const item of ctx.items) add(item.fields);
  return fields;
}

function runsIn(raw: string, base: number): Span[] {
  const runs: Span[] = [];
  for (const match of raw.matchAll(CONTROL_RUN)) runs.push({ start: base + match.index!, end: base + match.index! + match[0].length });
  return runs;
}

function describe(text: string, runs: readonly Span[]): string {
  const codes = new Set<string>();
  let count = 0;
  for (const run of runs) {
    for (let i = run.start; i < run.end; i++, count++) codes.add(`U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  const listed = [...codes].slice(0, 3).join(', ') + (codes.size > 3 ? ', …' : '');
  return count === 1 ? `a control character (${listed})` : `${count} control characters (${listed})`;
}

/**
 * Keeps the data: in a double-quoted value each character becomes its escape; a plain, single-quoted
 * or block value (which cannot hold an escape) is written double-quoted, escapes and all. Offered
 * only when the new text reads back as the same string.
 */
function escapeFix(field: Field, raw: string, runs: readonly Span[]): Fix | undefined {
  const start = field.valueSpan!.start;
  const edits: TextEdit[] = field.quote === 'double'
    ? runs.map((run) => ({ ...run, newText: doubleQuoted(raw.slice(run.start - start, run.end - start)).slice(1, -1) }))
    : [{ ...field.valueSpan!, newText: doubleQuoted(field.value as string) }];
  let result = raw;
  for (const edit of [...edits].reverse()) result = result.slice(0, edit.start - start) + edit.newText + result.slice(edit.end - start);
  if (readScalar(result) !== field.value) return undefined;
  const what = runs.length === 1 && runs[0].end - runs[0].start === 1 ? 'the control character' : 'the control characters';
  const title = field.quote === 'double' ? `Escape ${what} in ${field.key}` : `Write ${field.key} double-quoted, with ${what} escaped`;
  return { title, edits, isPreferred: true, safe: true };
}

function readScalar(source: string): unknown {
  try {
    return parse(source);
  } catch {
    return undefined;
  }
}
