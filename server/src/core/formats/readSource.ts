import { readDocx } from './docx/docxReader';
import { CueOptions } from './cues/joinCues';
import { readPodcastJson } from './podcastJson/podcastJsonReader';
import type { ReadResult } from './shared/readResult';
import { renameSpeakers, speakerNames } from './speakers/speakers';
import { readSrt } from './srt/srtReader';
import { ConvertError, ImportFormat, MAX_INPUT_BYTES } from '../convert/types';
import { readWebVtt } from './webvtt/webvttReader';
import { readTranscriptText } from './text/readText';
import type { TextShape } from './text/textShapes';

/** One entry for every import (CLI `--into`, the server's requests, tests): a source in any import format to items. */

export interface TranscriptSource {
  format: ImportFormat;
  /** Text formats. */
  text?: string;
  /** `text`: the shape to read it in (`--from otter`), instead of telling it from the content. */
  shape?: TextShape;
  /** `docx`. */
  bytes?: Uint8Array | ArrayBuffer;
}

export interface ReadSourceOptions extends CueOptions {
  /** Speaker renames applied after reading, `{ "Speaker 1": "Alexey" }`. */
  speakers?: Readonly<Record<string, string>>;
}

export async function readTranscriptSource(source: TranscriptSource, options: ReadSourceOptions = {}): Promise<ReadResult> {
  const result = await readByFormat(source, options);
  const read = new Set(speakerNames(result.items));
  const unused = Object.keys(options.speakers ?? {}).filter((name) => !read.has(name));
  const warnings = [...result.warnings, ...unused.map((name) => `no speaker named '${name}' in the source: its rename is not used`)];
  return { items: renameSpeakers(result.items, options.speakers), warnings };
}

function readByFormat(source: TranscriptSource, options: CueOptions): ReadResult | Promise<ReadResult> {
  if (source.format === 'docx') {
    if (source.bytes === undefined) throw new ConvertError('a Word document is read from its bytes, not from text');
    return readDocx(source.bytes);
  }
  const text = source.text;
  if (text === undefined) throw new ConvertError(`a ${source.format} source is read from its text`);
  // UTF-16 code units: at most twice the bytes' count; the CLI checks the bytes themselves.
  if (text.length > MAX_INPUT_BYTES) throw new ConvertError(`the source is over ${MAX_INPUT_BYTES / 1024 / 1024} MB; it is not read`);
  switch (source.format) {
    case 'text':
      return readTranscriptText(text, source.shape);
    case 'srt':
      return readSrt(text, options);
    case 'vtt':
      return readWebVtt(text, options);
    case 'json':
      return readPodcastJson(text, options);
  }
}
