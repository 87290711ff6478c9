// Synthetic episodes of any size, shaped like the real files (see ../shared/corpus/FINDINGS.md):
// PyYAML layout (items at column 0, keys in alphabetical order, plain scalars wrapped at about 80
// columns onto continuation lines indented 4 spaces), ~15 % headers, untimed continuation
// paragraphs (line + who), plain `0:ss` times below one minute and quoted ones above, and a few
// deliberate findings. All text is made up from a word list; seeded, so every run is identical.

const WORDS = (
  'the a of to and in that is we it for you this with on data model team was what so they be ' +
  'pipeline query sensor garden river lantern harbor orchard meadow signal vector batch stream ' +
  'latency budget forecast cluster label sample metric feature schema notebook dashboard review ' +
  'migration prototype backlog sprint roadmap customer interview hiring mentor library compiler ' +
  'bicycle kettle violin pebble comet glacier canyon tundra prairie lagoon falcon otter badger ' +
  'really actually basically honestly maybe usually often rarely quickly slowly carefully ' +
  'build test ship measure learn explain improve choose compare deploy monitor debug refactor ' +
  'because although while when after before unless until whether since'
).split(' ');
const SPEAKERS = ['Mira', 'Tomasz', 'Ingrid Vale', 'Kofi'];
const LINE_WIDTH = 80;

/** mulberry32: a small seeded PRNG (deterministic inputs, run after run). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function formatTime(s) {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `time:` as PyYAML dumps it: `0:ss` plain (its int resolver skips a leading 0), anything else single-quoted. */
function timeValue(label) {
  return label.startsWith('0:') ? label : `'${label}'`;
}

function sentence(rand, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  let text = '';
  for (let i = 0; i < out.length; i++) text += (i ? (rand() < 0.08 ? ', ' : ' ') : '') + out[i];
  return text + (rand() < 0.15 ? '?' : '.');
}

/** `key: value` with the value wrapped PyYAML-style: continuation lines indented 4 spaces. */
function wrapped(prefix, text) {
  const words = text.split(' ');
  const lines = [];
  let current = prefix + words[0];
  for (const word of words.slice(1)) {
    if (current.length + 1 + word.length > LINE_WIDTH) {
      lines.push(current);
      current = `    ${word}`;
    } else current += ` ${word}`;
  }
  lines.push(current);
  return lines.join('\n');
}

function youtubeId(rand) {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let id = '';
  for (let i = 0; i < 11; i++) id += abc[Math.floor(rand() * abc.length)];
  return id;
}

/**
 * A synthetic episode of `count` transcript items.
 * Returns the Markdown text and the deliberate findings. The middle item is always a timed line
 * (the bench edits there), and no finding is planted near it.
 */
export function syntheticEpisode(count, seed = count) {
  const rand = rng(seed);
  const id = youtubeId(rand);
  const head = [
    '---',
    `title: 'Synthetic episode with ${count} items'`,
    `short: 'Synthetic ${count}'`,
    'guests:',
    '- ingrid-vale',
    'image: images/podcast/synthetic.jpg',
    'season: 99',
    `episode: ${count % 100}`,
    'ids:',
    `  youtube: ${id}`,
    '  anchor: Synthetic-episode-e0000',
    'links:',
    `  youtube: https://www.youtube.com/watch?v=${id}`,
    '  anchor: https://anchor.example/episodes/Synthetic-episode-e0000',
    '  spotify: https://spotify.example/episode/0000',
    '  apple: https://apple.example/podcast/id0000',
    'topics:',
    '- synthetic',
    'dateadded: 2024-01-02',
    wrapped('description: ', sentence(rand, 30)),
    wrapped('intro: ', sentence(rand, 40)),
    'quotableClips:',
    `- name: ${sentence(rand, 4).slice(0, -1)}`,
    '  startOffset: 0',
    `  url: https://www.youtube.com/watch?v=${id}&t=0`,
    '  endOffset: 60',
    'transcript:',
  ];
  // Deliberate findings at fixed fractions of the file, none at the middle (where the bench edits).
  const planted = new Map([
    [Math.floor(count * 0.1), 'sec-order'],
    [Math.floor(count * 0.2), 'time-mismatch'],
    [Math.floor(count * 0.3), 'time-malformed'],
    [Math.floor(count * 0.7), 'who-missing'],
    [Math.floor(count * 0.8), 'item-duplicate'],
    [Math.floor(count * 0.9), 'sec-negative'],
  ]);
  const findings = [];
  const body = [];
  let sec = Math.floor(rand() * 40);
  let who = SPEAKERS[0];
  let previousLine = '';
  const middleIndex = Math.floor(count / 2);
  let lastWasHeader = true;
  let spokenSince = 0;
  let lastSec = sec;
  for (let i = 0; i < count; i++) {
    const plant = planted.get(i);
    let text;
    // No two headers in a row (the site would hide the first): the findings stay the planted few.
    if (plant === undefined && i > 0 && i !== middleIndex && i !== count - 1 && !lastWasHeader && rand() < 0.18) {
      lastWasHeader = true;
      text = `- header: ${sentence(rand, 2 + Math.floor(rand() * 5)).slice(0, -1)}`;
    } else {
      const afterHeader = lastWasHeader;
      lastWasHeader = false;
      const r = rand();
      // Line lengths: short replies, one-liners, and long paragraphs (78 % of real lines wrap).
      const words = r < 0.12 ? 2 + Math.floor(rand() * 4) : r < 0.25 ? 6 + Math.floor(rand() * 8) : 16 + Math.floor(rand() * 60);
      let line = sentence(rand, words);
      if (plant === 'item-duplicate') line = previousLine;
      const continuation = plant === undefined && i !== middleIndex && !afterHeader && rand() < 0.05;
      if (!continuation) {
        if (rand() < 0.6) who = SPEAKERS[Math.floor(rand() * SPEAKERS.length)];
        // The next time follows the words spoken since the last one, at 110 to 190 words a minute
        // (real speech; speech-rate reports only what is planted).
        lastSec = sec;
        sec += Math.max(1, Math.ceil((spokenSince * 60) / (110 + rand() * 80)));
        spokenSince = 0;
      }
      spokenSince += words;
      const parts = [wrapped('- line: ', line)];
      const itemSec = plant === 'sec-order' ? Math.max(0, lastSec - 10) : plant === 'sec-negative' ? -3 : sec;
      let label = formatTime(Math.max(itemSec, 0));
      if (plant === 'time-mismatch') label = formatTime(sec + 7);
      if (plant === 'time-malformed') label = `${Math.floor(sec / 60)}:${sec % 60 < 10 ? sec % 60 : 7}`; // one-digit seconds
      if (!continuation) parts.push(`  sec: ${itemSec}`, `  time: ${plant === 'time-malformed' ? `'${label}'` : timeValue(label)}`);
      if (plant !== 'who-missing') parts.push(`  who: ${who}`);
      text = parts.join('\n');
      previousLine = line;
    }
    if (plant !== undefined) findings.push({ item: i, kind: plant });
    body.push(text);
  }
  const tail = ['---', '', 'Links:', '', `* [Video](https://www.youtube.com/watch?v=${id})`, ''];
  const text = `${head.join('\n')}\n${body.join('\n')}\n${tail.join('\n')}`;
  return { text, findings };
}
