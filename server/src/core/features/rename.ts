import { renameSpeakerFix } from '../fixes';
import type { EpisodeModel, Field, TranscriptItem } from '../model';
import { getField } from '../fields';
import type { Span, TextEdit } from '../types';
import { itemAt } from './locate';

/**
 * Rename a speaker (F2 on a `who` value): every item whose `who` is the same string gets the new
 * name, through the same edit builder as the who-variant quick fix (quoting kept or added as YAML needs).
 */

export interface RenameTarget {
  /** The `who` scalar as written (quotes included). */
  span: Span;
  /** The speaker's name as parsed, to prefill the rename box. */
  placeholder: string;
}

export type RenameRefusal = { error: string };

export function prepareRename(model: EpisodeModel, offset: number): RenameTarget | RenameRefusal | undefined {
  if (!model.isEpisode) return undefined;
  const target = speakerAt(model, offset);
  if (!target) return { error: 'Only a speaker can be renamed here: put the cursor on a who value.' };
  return { span: target.field.valueSpan!, placeholder: target.item.who! };
}

export function renameSpeaker(model: EpisodeModel, offset: number, newName: string): { edits: TextEdit[]; count: number } | RenameRefusal | undefined {
  if (!model.isEpisode) return undefined;
  const target = speakerAt(model, offset);
  if (!target) return { error: 'Only a speaker can be renamed here: put the cursor on a who value.' };
  const name = newName.trim();
  if (name === '') return { error: 'A speaker name cannot be empty.' };
  if (/[\r\n]/.test(name)) return { error: 'A speaker name must be one line.' };
  const control = CONTROL.exec(name);
  if (control) return { error: `A speaker name cannot hold control characters or line separators (it holds U+${codePoint(control[0])}).` };
  return renameSpeakerEdits(model, target.item.who!, name);
}

/** C0 and C1 controls (NEL among them), DEL, the line and paragraph separators and the BOM: YAML 1.1 reads some as line breaks, PyYAML refuses others. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/;

function codePoint(ch: string): string {
  return ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/** Edits renaming every `who: <oldName>` of the transcript to `newName`. */
export function renameSpeakerEdits(model: EpisodeModel, oldName: string, newName: string): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  let count = 0;
  for (const item of model.transcript?.items ?? []) {
    if (item.who !== oldName) continue;
    const who = getField(item.fields, 'who');
    if (!who?.valueSpan) continue;
    count++;
    if (newName !== oldName) edits.push(...renameSpeakerFix(who, newName, model.text).edits);
  }
  return { edits, count };
}

function speakerAt(model: EpisodeModel, offset: number): { item: TranscriptItem; field: Field } | undefined {
  const item = itemAt(model, offset);
  if (!item || item.who === undefined) return undefined;
  const field = getField(item.fields, 'who');
  if (!field?.valueSpan) return undefined;
  // The key or the value: from `who` to the end of the name.
  if (offset < field.keySpan.start || offset > field.valueSpan.end) return undefined;
  return { item, field };
}
