import type { ReadResult } from '../shared/readResult';
import { cleanLine, parseSiteTimestamp, pyStrip } from '../shared/siteLines';
import { clip, textLines } from '../shared/textLines';
import { ConvertError, NewItem } from '../../convert/types';

/**
 * An Otter text export, item for item as the site's `scripts/yamlify_transcript.py` reads it: lines
 * cleaned (stripped, also of U+FEFF) and blank ones dropped; a line containing
 * "transcribed by https://otter.ai" (any case) skipped; a timestamp line (`m:ss`, `[m:ss]`, `h:mm:ss`,
 * `[h:mm:ss]`; two-part minutes of 60 or more roll over into hours) is followed by the speaker (trailing
 * `:` dropped) and one line of text, giving `{line, sec, time, who}`; the lines after it that start with
 * `=` give `{line, who}` (the `=` and the spaces after it dropped); any other line is `{header}`.
 * Where the script would fail or take a timestamp for a name, this refuses with the line number.
 */
export function readOtterText(text: string): ReadResult {
  const lines = textLines(text)
    .map((raw, index) => ({ text: cleanLine(raw), number: index + 1 }))
    .filter((line) => line.text !== '');
  const items: NewItem[] = [];
  let i = 0;
  while (i < lines.length) {
    // Checked only where an item starts, as the script does.
    if (lines[i].text.toLowerCase().includes('transcribed by https://otter.ai')) {
      i++;
      continue;
    }
    const stamp = parseSiteTimestamp(lines[i].text);
    if (!stamp) {
      items.push({ header: lines[i].text });
      i++;
      continue;
    }
    const who = lines[i + 1];
    if (!who || parseSiteTimestamp(who.text)) throw new ConvertError(`the timestamp '${lines[i].text}' has no speaker after it`, { line: lines[i].number });
    const said = lines[i + 2];
    if (!said) throw new ConvertError(`the speaker '${clip(who.text)}' has no text after it`, { line: who.number });
    const name = who.text.replace(/:+$/, '');
    items.push({ line: said.text, sec: stamp.sec, time: stamp.time, who: name });
    i += 3;
    while (i < lines.length && lines[i].text.startsWith('=')) {
      items.push({ line: pyStrip(lines[i].text.replace(/^=+/, '')), who: name });
      i++;
    }
  }
  if (items.length === 0) throw new ConvertError('no text found: nothing to import');
  return { items, warnings: [] };
}
