import { EXPORT_FORMATS, IMPORT_FORMATS } from '../../core/convert/types';
import { TEXT_SHAPES } from '../../core/formats/text/textShapes';

/** `transcript-convert --help`, and the usage shown with a usage error. */

export const CONVERT_USAGE = `Usage: transcript-convert EPISODE.md... --to FORMAT [-o FILE | --out-dir DIR]
       transcript-convert SOURCE --into EPISODE.md [--replace] [--one-item-per-cue] [--speaker OLD=NEW]...
       transcript-convert CHAPTERS --chapters --into EPISODE.md [--keep-headers]`;

export function convertHelpText(): string {
  return `${CONVERT_USAGE}

Moves transcripts and chapters between episode files (Markdown with a YAML 'transcript:'
list in the front matter) and the formats transcription services, captions and podcast
apps use. It shares its readers, writers and checks with transcript-lint and the editor.

Export (stdout, or -o FILE; --out-dir DIR writes <name><ending> for each episode; folders
are searched for *.md, files without a transcript and Jekyll templates in them are skipped;
-o never writes over an input, and writes to a FIFO or device as a stream):
  --to FORMAT             ${EXPORT_FORMATS.join(', ')}
                            vtt            WebVTT, a cue per timed item, <v Who> voice spans
                            srt            SubRip, the same cues, 'Who: ' when the speaker changes
                            json           Podcasting 2.0 transcript JSON segments
                            text           the Otter-style text the site's yamlify script reads
                            chapters       the site's 'HH:MM:SS Topic' list (podcast-timestamps/)
                            youtube        YouTube description timestamps (MM:SS Title)
                            chapters-json  Podcasting 2.0 chapters JSON
                            chapters-vtt   WebVTT chapters
  --captions              vtt/srt: caption-sized cues (two lines of 42 characters at most)
  --intro-title TITLE     youtube: the 00:00 chapter's title when the first header starts later
                          (default: Intro)
  --ignore GLOB           leave out the files (or folders) the glob matches (repeatable; the
                          "ignores" of .transcriptlintrc.json apply too)

Import a transcript (the episode is created when it does not exist):
  --into EPISODE.md       the episode to add the transcript to (as a 'transcript:' key at the
                          end of its front matter; every other byte stays as it was)
  --from FORMAT           ${IMPORT_FORMATS.join(', ')} (default: from the source's extension:
                          .docx .txt .srt .vtt .json); for text, a shape forces how it is read:
                          ${TEXT_SHAPES.join(', ')} (default: told from the content)
  --replace               replace the transcript the episode already has (without it: exit 1)
  --one-item-per-cue      srt/vtt/json: one item per cue (default: a speaker's consecutive
                          cues join into one line)
  --max-line-chars N      a joined turn longer than N characters breaks at a sentence end
                          (default 1000)
  --speaker OLD=NEW       rename a speaker on import (repeatable), e.g. "Speaker 1=Alexey"

Insert a chapter list as the transcript's headers:
  --chapters              SOURCE is a chapter list ('HH:MM:SS Topic' lines, a YouTube
                          description, Podcasting 2.0 chapters JSON or WebVTT chapters)
  --keep-headers          keep the episode's headers and merge the chapters in by time
                          (default: the chapters replace them)

  -h, --help              this text
  -v, --version           the version

Exit codes: 0 done; 1 the input cannot be read or converted (the message names the file and
the line or paragraph; nothing is written or changed); 2 a usage error, an input over 50 MB
(endless ones too: /dev/zero, a pipe), or an output that cannot be written (a folder, the input
itself under any name).
`;
}
