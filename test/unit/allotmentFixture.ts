/** A fictional two-person episode for the editing power tools' tests (no real transcript text). */

export const META =
  'short: Gardening Data\n' +
  'guests:\n- Rosa Quill\n- Tomasz Berg\n' +
  'ids:\n  youtube: AbCdEfGhIjK\nlinks:\n  youtube: https://www.youtube.com/watch?v=AbCdEfGhIjK\n' +
  'duration: PT00H01M13S\n' +
  'quotableClips:\n' +
  '- name: Opening\n  startOffset: 50\n  url: https://www.youtube.com/watch?v=AbCdEfGhIjK&t=50\n  endOffset: 70\n' +
  '- name: Soil sensors\n  startOffset: 70\n  url: https://www.youtube.com/watch?v=AbCdEfGhIjK&t=70\n  endOffset: 123\n';

export const TRANSCRIPT =
  '- header: Lesson 1 Seeds\n' +
  '- line: Welcome to the allotment show, where data meets dirt.\n  sec: 50\n  time: 0:50\n  who: Ingrid\n' +
  '- line: Thanks, glad to be here.\n  sec: 55\n  time: 0:55\n  who: Rosa\n' +
  '- header: Lesson 3 Soil sensors\n' +
  '- line: So how do the sensors report moisture to the database?\n  sec: 70\n  time: \'1:10\'\n  who: Ingrid\n' +
  '- line: Every ten minutes, over a cheap radio link.\n  sec: 123\n  time: \'2:03\'\n  who: Rosa\n' +
  '- line: And the rest of that answer continues here.\n  who: Rosa\n';

export function allotmentEpisode(transcript = TRANSCRIPT, meta = META): string {
  return `---\ntitle: The allotment data show\n${meta}transcript:\n${transcript}---\nNotes.\n`;
}
