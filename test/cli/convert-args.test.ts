import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { UsageError } from '../../server/src/cli/args';
import { parseConvertArgs } from '../../server/src/cli/convert/args';

const usage = (argv: string[]): string => {
  try {
    parseConvertArgs(argv);
  } catch (error) {
    assert.ok(error instanceof UsageError, `not a usage error: ${String(error)}`);
    return error.message;
  }
  assert.fail(`accepted: ${argv.join(' ')}`);
};

test('transcript-convert reads an export, an import and a chapter insertion', () => {
  assert.deepEqual(parseConvertArgs(['ep.md', '--to', 'vtt', '-o', 'ep.vtt', '--captions']), {
    kind: 'export', inputs: ['ep.md'], to: 'vtt', output: 'ep.vtt', outDir: undefined, captions: true, introTitle: undefined, ignores: [],
  });
  assert.deepEqual(parseConvertArgs(['_podcast', '--to=chapters', '--out-dir', 'podcast-timestamps']), {
    kind: 'export', inputs: ['_podcast'], to: 'chapters', output: undefined, outDir: 'podcast-timestamps', captions: false, introTitle: undefined, ignores: [],
  });
  assert.deepEqual(parseConvertArgs(['talk.srt', '--into', 'ep.md', '--replace', '--speaker', 'Speaker 1=Alexey', '--speaker=SPEAKER_00 = Ana', '--max-line-chars', '400']), {
    kind: 'import', source: 'talk.srt', into: 'ep.md', from: undefined, replace: true, oneItemPerCue: false,
    speakers: { 'Speaker 1': 'Alexey', SPEAKER_00: 'Ana' }, maxLineChars: 400,
  });
  assert.deepEqual(parseConvertArgs(['notes.txt', '--into', 'ep.md', '--from', 'otter']), {
    kind: 'import', source: 'notes.txt', into: 'ep.md', from: 'text', shape: 'otter', replace: false, oneItemPerCue: false, speakers: {}, maxLineChars: undefined,
  });
  assert.deepEqual(parseConvertArgs(['list.txt', '--chapters', '--into', 'ep.md', '--keep-headers']), {
    kind: 'insertChapters', chapters: 'list.txt', into: 'ep.md', keepHeaders: true,
  });
  assert.deepEqual(parseConvertArgs(['--help']), { kind: 'help' });
});

test('transcript-convert refuses what does not fit together, naming it', () => {
  assert.equal(usage([]), "say what to do: '--to FORMAT' to export an episode, or '--into EPISODE.md' to import into one");
  assert.equal(usage(['ep.md', '--to', 'docx']), "unknown format 'docx' for '--to' (use vtt, srt, json, text, chapters, youtube, chapters-json, chapters-vtt)");
  assert.equal(usage(['a.md', 'b.md', '--to', 'vtt', '-o', 'x.vtt']), "'-o' writes one file: give one episode, or use '--out-dir DIR'");
  assert.equal(usage(['ep.md', '--to', 'json', '--captions']), "'--captions' applies to '--to vtt' and '--to srt'");
  assert.equal(usage(['ep.md', '--to', 'vtt', '--into', 'x.md']), "use '--to' (export) or '--into' (import), not both");
  assert.equal(usage(['a.srt', '--into', 'ep.md', '--speaker', 'Alexey']), `'--speaker' expects OLD=NEW (e.g. "Speaker 1=Alexey"), not 'Alexey'`);
  assert.equal(
    usage(['a.srt', '--into', 'ep.md', '--from', 'pdf']),
    "unknown format 'pdf' for '--from' (use docx, text, srt, vtt, json, or a text shape: otter, otter-site, rev, bracketed, timestamp-name, youtube)",
  );
  assert.equal(usage(['a.srt', 'b.srt', '--into', 'ep.md']), "'--into' takes one source file, not 2");
  assert.equal(usage(['a.srt', '--into', 'ep.md', '--keep-headers']), "'--keep-headers' does not apply to an import");
  assert.equal(usage(['c.txt', '--chapters', '--into', 'ep.md', '--replace']), "'--replace' does not apply to inserting chapters");
  assert.equal(usage(['a.srt', '--into', 'ep.md', '--max-line-chars', '0']), "'--max-line-chars' needs a whole number above 0, not '0'");
  assert.equal(usage(['ep.md', '--to', 'vtt', '--bogus']), "unknown option '--bogus'");
});
