// An episode with real speech for the audio rules' end-to-end tests (desktop and web): four lines
// spoken by two voices at known seconds (espeak-ng and sox, through test/audioFixture.ts as built
// to out/), and a transcript whose second line says 0:12 while it is spoken at 0:09. Generated
// when needed: no binary media in the repository, no corpus text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixture = () => createRequire(import.meta.url)(path.join(ROOT, 'out', 'test', 'audioFixture.js'));

export const SPOKEN = [
  { text: 'Welcome to the kitchen hour, where we test kettles.', at: 2, voice: 'a', who: 'Host' },
  { text: 'Thanks, I brought three of them today.', at: 9, voice: 'b', who: 'Guest' },
  { text: 'Which one boils the fastest?', at: 18, voice: 'a', who: 'Host' },
  { text: 'The copper one, by almost a minute.', at: 25, voice: 'b', who: 'Guest' },
];
const LENGTH = 31;
/** The second line's `sec` in the transcript: 3 s after its speech starts, 6 s before the next line's. */
export const MOVED_SEC = 12;

/** Why the speech cannot be made here (espeak-ng or sox missing, or the tests not built), or false. */
export function speechMissing() {
  if (!fs.existsSync(path.join(ROOT, 'out', 'test', 'audioFixture.js'))) return 'out/test/audioFixture.js missing: run npx tsc -p . at the repository root';
  return fixture().audioToolsMissing();
}

/** The episode's text: line N of the file is N here (1-based); the moved `sec` is on line 9, its `time` on line 10. */
export function kettleEpisode() {
  const secs = SPOKEN.map((l, i) => (i === 1 ? MOVED_SEC : l.at));
  const items = SPOKEN.map((l, i) => `- line: ${l.text}\n  sec: ${secs[i]}\n  time: '0:${String(secs[i]).padStart(2, '0')}'\n  who: ${l.who}\n`);
  return `---\ntitle: Kettle Hour\ntranscript:\n${items.join('')}---\n`;
}

/** Why an M4A (AAC) cannot be made here, or false. */
export function m4aMissing() {
  return speechMissing() || fixture().ffmpegMissing();
}

/** Writes `<name>.md` and its spoken `<name>.wav` (or `.m4a`, AAC by ffmpeg) into `folder`. */
export function writeKettleEpisode(folder, name = 'kettle-hour', { format = 'wav' } = {}) {
  const { speakEpisode, tempDir } = fixture();
  const work = tempDir('pt-speech-');
  try {
    const { wav } = speakEpisode(work, SPOKEN, LENGTH);
    const target = path.join(folder, `${name}.${format}`);
    if (format === 'wav') fs.copyFileSync(wav, target);
    else {
      const made = spawnSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', wav, '-c:a', 'aac', '-b:a', '96k', target], { encoding: 'utf8' });
      if (made.status !== 0) throw new Error(`ffmpeg: ${made.stderr}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(folder, `${name}.md`), kettleEpisode());
}
