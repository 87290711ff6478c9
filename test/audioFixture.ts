import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Speech made in the test (issue 24): espeak-ng speaks each line with one of two voices, sox puts it
 * at its second over a quiet noise floor, and encodes the result. Tests skip with the reason when the
 * tools are missing (`.ci/run` installs them: espeak-ng sox libsox-fmt-mp3; ffmpeg for Opus).
 */
export interface SpokenLine {
  text: string;
  /** When the speech starts, in seconds. */
  at: number;
  voice: 'a' | 'b';
}

const VOICES = { a: ['-v', 'en-us', '-s', '165', '-p', '40'], b: ['-v', 'en-gb', '-s', '150', '-p', '60'] };

function has(tool: string, args = ['--version']): boolean {
  return spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
}

/** Why audio tests cannot run here, or false. */
export function audioToolsMissing(): string | false {
  if (!has('espeak-ng')) return 'espeak-ng not installed (apt-get install espeak-ng)';
  if (!has('sox')) return 'sox not installed (apt-get install sox libsox-fmt-mp3)';
  return false;
}

export function ffmpegMissing(): string | false {
  return has('ffmpeg', ['-version']) ? false : 'ffmpeg not installed (needed for Opus)';
}

function run(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${result.stderr}`);
}

/** Seconds of a sound file, as sox reads it. */
export function soundSeconds(file: string): number {
  return Number(spawnSync('soxi', ['-D', file], { encoding: 'utf8' }).stdout.trim());
}

/**
 * A 44.1 kHz stereo WAV of the lines spoken at their seconds, `length` seconds long, in `dir`;
 * returns its path and each line's spoken length (seconds).
 */
export function speakEpisode(dir: string, lines: SpokenLine[], length: number): { wav: string; spoken: number[] } {
  const parts: string[] = [];
  const spoken: number[] = [];
  lines.forEach((line, i) => {
    const raw = path.join(dir, `line${i}.wav`);
    run('espeak-ng', [...VOICES[line.voice], '-w', raw, line.text]);
    // espeak leaves a little silence at each end; trim it so the onset is where the line says.
    const trimmed = path.join(dir, `line${i}-t.wav`);
    run('sox', [raw, '-r', '44100', '-c', '2', trimmed, 'silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse']);
    spoken.push(soundSeconds(trimmed));
    const placed = path.join(dir, `line${i}-p.wav`);
    run('sox', [trimmed, placed, 'pad', String(line.at)]);
    parts.push('-v', '1', placed);
  });
  const floor = path.join(dir, 'floor.wav');
  run('sox', ['-n', '-r', '44100', '-c', '2', floor, 'synth', String(length), 'pinknoise', 'vol', '0.003']);
  const wav = path.join(dir, 'episode.wav');
  run('sox', ['-m', '-v', '1', floor, ...parts, wav, 'trim', '0', String(length)]);
  return { wav, spoken };
}

/** The same audio as MP3, FLAC, Opus (when ffmpeg is there) and a 16-bit WAV. */
export function encodeAll(wav: string): Record<string, string> {
  const dir = path.dirname(wav);
  const out: Record<string, string> = {};
  out.wav = path.join(dir, 'episode-16.wav');
  run('sox', [wav, '-b', '16', out.wav]);
  out.mp3 = path.join(dir, 'episode.mp3');
  run('sox', [wav, '-C', '128', out.mp3]);
  out.flac = path.join(dir, 'episode.flac');
  run('sox', [wav, out.flac]);
  if (!ffmpegMissing()) {
    out.opus = path.join(dir, 'episode.opus');
    run('ffmpeg', ['-loglevel', 'error', '-y', '-i', wav, '-c:a', 'libopus', '-b:a', '48k', out.opus]);
  }
  return out;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
