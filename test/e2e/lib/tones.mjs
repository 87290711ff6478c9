import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// A WAV file of tones whose pitch changes at given seconds: media for the player's tests and the
// demo, generated when needed so that no binary media lives in the repository.

/**
 * 16-bit mono PCM. `parts`: [{ from, hz }] in seconds, sorted; each tone lasts until the next part
 * (the last one until `duration`). A short fade at each change keeps it from clicking.
 */
export function tonesWav(parts, duration, rate = 8000) {
  const samples = Math.round(duration * rate);
  const data = Buffer.alloc(samples * 2);
  let phase = 0;
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    let part = 0;
    while (part + 1 < parts.length && parts[part + 1].from <= t) part++;
    const start = parts[part].from;
    const end = part + 1 < parts.length ? parts[part + 1].from : duration;
    const fade = Math.min(1, (t - start) / 0.02, (end - t) / 0.02);
    phase += (2 * Math.PI * parts[part].hz) / rate;
    data.writeInt16LE(Math.round(Math.sin(phase) * 0.3 * 32767 * Math.max(0, fade)), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // bytes per frame
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** One tone per timed transcript line of an episode's text (`sec:` values), rising in pitch, so each line sounds different. */
export function tonesForEpisode(text, tail = 4) {
  const secs = [...text.matchAll(/^\s+sec: (\d+)\s*$/gm)].map((m) => Number(m[1]));
  const starts = [...new Set([0, ...secs])].sort((a, b) => a - b);
  const parts = starts.map((from, i) => ({ from, hz: 330 + 55 * (i % 12) }));
  return tonesWav(parts, starts[starts.length - 1] + tail);
}

/** A temporary copy of a player fixture folder (`source`), with `listen.wav` made from its `listen.md`. */
export async function playerFolderWithTones(source, prefix) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  await fsp.cp(source, dir, { recursive: true });
  await fsp.writeFile(path.join(dir, 'listen.wav'), tonesForEpisode(fs.readFileSync(path.join(dir, 'listen.md'), 'utf8')));
  return dir;
}
