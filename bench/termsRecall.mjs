// Recall of name-spelling and term-spelling on the corpus (../shared/corpus): mishearings of our own
// making — a name or term the site uses, respelled as a transcription would (a vowel heard as
// another, a doubled or single consonant, c/k, s/z, ph/f) — injected into an episode's first spoken
// line; counted found when a finding covers the word with the original first. Prints the figures.
//   node bench/termsRecall.mjs   (after `npx tsc -p .`)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { analyze, parseEpisode, DEFAULT_CONFIG } = require(path.join(root, 'out/server/src/core/index.js'));
const { SiteTermsResolver } = require(path.join(root, 'out/server/src/cli/siteTerms.js'));
const { readGuests } = require(path.join(root, 'out/server/src/core/clips.js'));

const corpus = path.resolve(root, '../shared/corpus/podcast');
if (!fs.existsSync(corpus)) {
  console.log(`skipped: ${corpus} is absent`);
  process.exit(0);
}
const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(corpus, f));
const resolver = new SiteTermsResolver();

/** Deterministic respellings, first that changes the word. */
const RULES = [
  [/([bcdfghklmnprstvz])\1/, '$1'], [/ph/, 'f'], [/c([aou])/, 'k$1'], [/k/, 'c'], [/([aeiou])s([aeiou])/, '$1z$2'],
  [/([^aeiou])e([^aeiou])/, '$1i$2'], [/([^aeiou])a([^aeiou])/, '$1e$2'], [/([^aeiou])o([^aeiou])/, '$1u$2'], [/([^aeiou])i([^aeiou])/, '$1y$2'], [/y$/, 'ie'],
  [/([aeiou])([lnrt])([aeiou])/, '$1$2$2$3'],
];
function mishear(word, english) {
  for (const [pattern, replacement] of RULES) {
    const head = word[0];
    const changed = head + word.slice(1).replace(pattern, replacement);
    if (changed !== word && !english.isWord(changed.toLowerCase())) return changed;
  }
  return undefined;
}

let tried = 0, found = 0, firstRight = 0;
const misses = [];
const sample = files.filter((_, i) => i % 4 === 0);
for (const file of sample) {
  const text = fs.readFileSync(file, 'utf8');
  const model = parseEpisode(text, `file://${file}`);
  const input = await resolver.forFile(file, DEFAULT_CONFIG);
  const english = input.site.english;
  const line = model.transcript?.items.find((i) => i.kind === 'line' && i.line && i.line.length > 20);
  if (!line) continue;
  const value = line.fields.find((f) => f.key === 'line').valueSpan;
  // One guest name, and two terms other episodes use (spelled alike in 5+ of them, not English).
  const guests = readGuests(model).map((id) => input.site.people.get(id)).filter(Boolean).flatMap((n) => n.split(' ').filter((w) => w.length >= 5 && /^[A-Z][a-z]+$/.test(w)));
  const terms = [...input.site.episodeCounts].filter(([t, n]) => n >= 5 && t.length >= 6 && /^[A-Z]/.test(t) && !english.isWord(t) && !english.isWord(t.toLowerCase())).map(([t]) => t);
  const picks = [...guests.slice(0, 1), terms[(tried * 7) % terms.length], terms[(tried * 13 + 5) % terms.length]];
  for (const term of picks) {
    const heard = term && mishear(term, english);
    if (!heard) continue;
    tried++;
    // Injected at the end of the line's text: ` We use <heard> there.`
    const insertAt = value.end - (/['"]$/.test(text.slice(value.start, value.end)) ? 1 : 0);
    const sentence = ` We use ${heard} there.`;
    const injected = text.slice(0, insertAt) + sentence + text.slice(insertAt);
    const at = insertAt + ' We use '.length;
    const findings = analyze(parseEpisode(injected, `file://${file}`), DEFAULT_CONFIG, { terms: input }).filter((f) => f.start === at && f.end === at + heard.length);
    if (findings.length > 0) {
      found++;
      if (findings[0].suggestions?.[0] === term) firstRight++;
      else misses.push(`${heard} → ${findings[0].suggestions?.join(',')} (wanted ${term})`);
    } else misses.push(`${heard} (for ${term}) not flagged`);
  }
}
console.log(`recall: ${found}/${tried} flagged (${((100 * found) / tried).toFixed(1)} %), ${firstRight}/${tried} with the original first (${((100 * firstRight) / tried).toFixed(1)} %)`);
console.log(misses.slice(0, 25).join('\n'));
