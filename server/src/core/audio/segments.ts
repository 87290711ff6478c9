import { VAD_FRAME, VAD_SAMPLE_RATE } from './vad';

const FRAME_SECONDS = VAD_FRAME / VAD_SAMPLE_RATE;
/** Pauses shorter than this inside speech are breaths, not the end of an utterance. */
export const MIN_PAUSE_SECONDS = 0.3;
/** Speech shorter than this is a click or a cough (a short "Yes." is longer). */
export const MIN_SPEECH_SECONDS = 0.15;

/** The VAD's frame decisions as [onset, end] seconds: short pauses bridged, short blips dropped. */
export function speechSegments(decisions: readonly boolean[]): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  const maxGap = Math.round(MIN_PAUSE_SECONDS / FRAME_SECONDS);
  let start = -1;
  let lastSpeech = -1;
  const close = () => {
    const [onset, end] = [start * FRAME_SECONDS, (lastSpeech + 1) * FRAME_SECONDS];
    if (end - onset >= MIN_SPEECH_SECONDS) segments.push([round(onset), round(end)]);
  };
  decisions.forEach((speech, i) => {
    if (!speech) return;
    if (start >= 0 && i - lastSpeech - 1 >= maxGap) close();
    if (start < 0 || i - lastSpeech - 1 >= maxGap) start = i;
    lastSpeech = i;
  });
  if (start >= 0) close();
  return segments;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
