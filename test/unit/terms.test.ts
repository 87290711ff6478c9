import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyze, applyEdits, DEFAULT_CONFIG, Finding, parseEpisode, TranscriptConfig } from '../../server/src/core';
import { buildDictionaries, buildDictionariesInSteps } from '../../server/src/core/terms/dictionaries';
import { personName } from '../../server/src/core/terms/people';
import { episodeSpellings, SiteTerms, TermsInput } from '../../server/src/core/terms/sources';
import { wordsIn } from '../../server/src/core/terms/words';
import { readDictionaryFiles } from '../../server/src/node/termDictionaries';
import { covered } from '../helpers';

/** A small English of our own, so each case says which words count as ordinary. */
const ENGLISH = new Set('the we ran it on our air bite was today said hello and a to of so is this that with in for yes cooper about data set sync use team great'.split(' '));
const english = { isWord: (lower: string) => ENGLISH.has(lower) };

function site(overrides: Partial<SiteTerms> = {}): SiteTerms {
  return {
    people: new Map([['santiago-v', 'Santiago Valdarrama'], ['emelia-k', 'Emelia Kowalska']]),
    episodeCounts: new Map([['Kubernetes', 14], ['Airbyte', 6], ['PyTorch', 9], ['Kubernetis', 1]]),
    words: ['Dagster'],
    english,
    lists: [{ name: 'software terms', words: ['Grafana', 'Terraform'] }],
    ...overrides,
  };
}

let sec = 0;
function say(who: string, line: string): string {
  sec += 5;
  return `- line: ${line}\n  sec: ${sec}\n  time: '0:${String(sec % 60).padStart(2, '0')}'\n  who: ${who}\n`;
}

function doc(lines: string, guests = ['santiago-v']): string {
  return `---\ntitle: Pipelines with friends\nguests:\n${guests.map((g) => `- ${g}\n`).join('')}transcript:\n${lines}---\n`;
}

function findings(text: string, input: TermsInput = { site: site() }, config: Partial<TranscriptConfig> = {}): Finding[] {
  return analyze(parseEpisode(text, 'file:///site/_podcast/ep.md'), { ...DEFAULT_CONFIG, ...config }, { terms: input }).filter((f) => f.rule === 'name-spelling' || f.rule === 'term-spelling');
}

const hosts = say('Alexey', 'Hello and welcome.') + say('Alexey', 'Today we have a guest.') + say('Alexey', 'So hello.');

test('name-spelling: a near miss of the guest\'s name (people file), with the guest named', () => {
  const text = doc(hosts + say('Santiago', 'Yes, I am Santyago.'));
  const [finding] = findings(text);
  assert.equal(finding.rule, 'name-spelling');
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.message, "'Santyago' is probably 'Santiago' (guest Santiago Valdarrama)");
  assert.equal(covered(text, finding), 'Santyago');
  assert.deepEqual(finding.suggestions, ['Santiago']);
  assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe, f.isPreferred ?? false]), [["Replace with 'Santiago'", false, true]]);
  assert.equal(applyEdits(text, finding.fixes[0].edits), text.replace('Santyago.', 'Santiago.'));
});

test('name-spelling: a real name near the guest\'s (Emilia for Emelia), and a who heard wrong on every line', () => {
  const text = doc(hosts + say('Santyago', 'Emilia said so.') + say('Santyago', 'Great.') + say('Santyago', 'Yes.'), ['santiago-v', 'emelia-k']);
  const found = findings(text);
  assert.deepEqual(found.map((f) => [f.rule, covered(text, f), f.message]), [
    ['name-spelling', 'Emilia', "'Emilia' is probably 'Emelia' (guest Emelia Kowalska)"],
    ['name-spelling', 'Santyago', "'Santyago' is probably 'Santiago' (guest Santiago Valdarrama)"],
    ['name-spelling', 'Santyago', "'Santyago' is probably 'Santiago' (guest Santiago Valdarrama)"],
    ['name-spelling', 'Santyago', "'Santyago' is probably 'Santiago' (guest Santiago Valdarrama)"],
  ]);
  const replaceAll = found[1].fixes.find((f) => f.title.startsWith('Replace all'))!;
  assert.equal(replaceAll.title, "Replace all 3 'Santyago' with 'Santiago' in this episode");
  assert.equal(applyEdits(text, replaceAll.edits), text.replace(/who: Santyago/g, 'who: Santiago'));
  assert.equal(found[1].fixes.some((f) => f.addWord !== undefined), false, 'names are not offered for the words');
});

test('term-spelling: a misspelling of a term other episodes use, with their count, and its fixes', () => {
  const text = doc(hosts + say('Santiago', 'We ran it on Kubernetis.') + say('Santiago', 'Kubernetis again.'));
  const found = findings(text);
  assert.equal(found.length, 2);
  const [first] = found;
  assert.equal(first.rule, 'term-spelling');
  assert.equal(first.severity, 'information');
  assert.equal(first.message, "'Kubernetis' is probably 'Kubernetes' (in 14 episodes)");
  assert.deepEqual(first.fixes.map((f) => f.title), ["Replace with 'Kubernetes'", "Replace all 2 'Kubernetis' with 'Kubernetes' in this episode", "Add 'Kubernetis' to the site's words"]);
  assert.equal(first.fixes[2].addWord, 'Kubernetis');
  assert.deepEqual(first.fixes[2].edits, []);
  assert.ok(first.fixes.every((f) => !f.safe), 'never applied by fix-all');
});

test('term-spelling: the count leaves this episode out; a spelling used as often as the term is the site\'s own', () => {
  const text = doc(hosts + say('Santiago', 'We ran it on Kubernetis.'));
  const own = episodeSpellings(parseEpisode(text, 'file:///site/_podcast/ep.md'), english);
  assert.ok(own.has('Kubernetis'));
  // This episode's own Kubernetis is the one counted: still a near miss of a term in 14 others.
  assert.equal(findings(text, { site: site(), own }).length, 1);
  const both = site({ episodeCounts: new Map([['Kubernetes', 14], ['Kubernetis', 6]]) });
  assert.deepEqual(findings(text, { site: both }), []);
});

test('term-spelling: two ordinary words heard as one term, and a case variant', () => {
  const text = doc(hosts + say('Santiago', 'We use air bite today.') + say('Santiago', 'We use cooper netties.') + say('Santiago', 'We use Pytorch.'));
  const found = findings(text);
  assert.deepEqual(found.map((f) => [covered(text, f), f.message]), [
    ['air bite', "'air bite' is probably 'Airbyte' (in 6 episodes)"],
    ['cooper netties', "'cooper netties' is probably 'Kubernetes' (in 14 episodes)"],
    ['Pytorch', "'Pytorch' is probably 'PyTorch' (in 9 episodes)"],
  ]);
  assert.equal(found[0].fixes.some((f) => f.addWord !== undefined), false, 'two words are not one word to add');
});

test('term-spelling: the site\'s words and the dictionaries', () => {
  const text = doc(hosts + say('Santiago', 'We use Dagstar and Grafanna.') + say('Santiago', 'We use Dagster, Grafana and Terraform.'));
  assert.deepEqual(findings(text).map((f) => f.message), [
    "'Dagstar' is probably 'Dagster' (in the site's words)",
    "'Grafanna' is probably 'Grafana' (software terms)",
  ]);
});

test('never flagged: the guest spelled right, a site term, ordinary English, numbers, URLs, e-mail addresses, [chuckles]', () => {
  const text = doc(hosts + say('Santiago', "Santiago Valdarrama here. Kubernetes, PyTorch and Airbyte. It was 2024 [chuckles] [Kubernetis] see https://kubernetis.example/x or santyago@example.com."));
  assert.deepEqual(findings(text), []);
});

test('both rules follow the configuration: off, or another severity', () => {
  const text = doc(hosts + say('Santiago', 'Santyago on Kubernetis.'));
  assert.deepEqual(findings(text, { site: site() }, { rules: { 'name-spelling': 'off' } }).map((f) => f.rule), ['term-spelling']);
  assert.deepEqual(findings(text, { site: site() }, { rules: { 'term-spelling': 'warning' } }).map((f) => f.severity), ['warning', 'warning']);
});

test('words: plain words with offsets; not numbers, URLs, e-mail addresses or bracketed text', () => {
  const line = "Santyago's team (Kubernetis) uses v2 at https://a.example/b, me@x.example [laughs] [inaudible speech] state-of-the-art.";
  assert.deepEqual(wordsIn(line).map((w) => w.text), ['Santyago', 'team', 'Kubernetis', 'uses', 'at', 'state', 'of', 'the', 'art']);
  const kube = wordsIn(line)[2];
  assert.equal(line.slice(kube.start, kube.end), 'Kubernetis');
});

test('words: any white space of JavaScript parts them; a clause ends at its punctuation; a word quoted alone is marked', () => {
  // Tab, no-break space, em space, ideographic space, line separator; `…` and `?` end clauses; `x2` and `a.b` are no words.
  const line = 'Zoë	said Grüße… then　“aber” x2 a.b why? fine';
  const words = wordsIn(line, 0, line.length);
  assert.deepEqual(words.map((w) => [w.text, line.slice(w.start, w.end), w.endsClause, w.quoted ?? false]), [
    ['Zoë', 'Zoë', false, false],
    ['said', 'said', false, false],
    ['Grüße', 'Grüße', true, false],
    ['then', 'then', false, false],
    ['aber', 'aber', false, true],
    ['why', 'why', true, false],
    ['fine', 'fine', false, false],
  ]);
  // A part of a text: offsets stay those of the whole text.
  const part = wordsIn(line, line.indexOf('then'), line.indexOf('x2'));
  assert.deepEqual(part.map((w) => [w.text, w.start]), [['then', line.indexOf('then')], ['aber', line.indexOf('aber')]]);
});

test('people files: the full name is the title of the front matter', () => {
  assert.equal(personName('---\nshort: sv\ntitle: "Santiago  Valdarrama"\n---\nBio.\n'), 'Santiago Valdarrama');
  assert.equal(personName('---\nshort: sv\n---\n'), undefined);
  assert.equal(personName('no front matter'), undefined);
});

test('people files: the title read alike by the direct reader (plain shape) and by the YAML parser (anything else)', () => {
  const plain = '---\nlayout: person\ntitle: Tomasz Wierzbicki\nlinks:\n  web: https://example.org/tw\n---\n';
  assert.equal(personName(plain), 'Tomasz Wierzbicki');
  assert.equal(personName(plain.replace('layout: person', 'layout: person # a comment: the parser reads it')), 'Tomasz Wierzbicki');
  assert.equal(personName("---\ntitle: 'Ana  O''Neil'\n---\n"), "Ana O'Neil");
  assert.equal(personName('---\ntitle: 2024\n---\n'), undefined, 'a number is no name');
  assert.equal(personName('---\ntitle: Ana\ntitle: Bea\n---\n'), undefined, 'a duplicate key is an error');
  assert.equal(personName('---\ntitle: [Ana\n---\n'), undefined, 'YAML that does not parse gives no name');
});

test('the published dictionaries: ordinary English is quiet, a misheard tool is found', () => {
  const dictionaries = buildDictionaries(readDictionaryFiles());
  const real = site({ english: dictionaries.english, lists: dictionaries.lists, episodeCounts: new Map(), words: [] });
  const text = doc(hosts + say('Santiago', 'Honestly, the hardest part of running these services was monitoring them with Grafanna and Kubernetis, which I learned the hard way.'));
  assert.deepEqual(findings(text, { site: real }).map((f) => [covered(text, f), f.suggestions]), [
    ['Grafanna', ['Grafana']],
    ['Kubernetis', ['Kubernetes']],
  ]);
});

test('never flagged: another form or spelling of a word (British, an ending, an apostrophe), a quoted word, words across punctuation', () => {
  const dictionaries = buildDictionaries(readDictionaryFiles());
  const counts = new Map([['Kubernetes', 14], ['upvotes', 6], ["there'll", 11], ['Pokémon', 3], ['PyTorch', 9], ['Mortems', 4]]);
  const real = site({ english: dictionaries.english, lists: dictionaries.lists, episodeCounts: counts, words: [] });
  const text = doc(hosts + say('Santiago', 'The centres of serialisation flavours: a confounder, not the upvoters. I think there’ll be “Kubernetis” in German.')
    + say('Santiago', 'We played Pac Man, then the PPC mean went up, the MRT (Mass Rapid Transit) and Kubernetis.'));
  assert.deepEqual(findings(text, { site: real }).map((f) => [covered(text, f), f.suggestions]), [['Kubernetis', ['Kubernetes']]]);
});

test('the English list built a slice at a time (as the server does, between requests) knows exactly the words of the list built at once', async () => {
  const files = readDictionaryFiles();
  const atOnce = buildDictionaries(files).english!;
  let pauses = 0;
  const inSteps = await buildDictionariesInSteps(files, async () => void pauses++);
  // Every word of the .dic, some inflected, and ordinals (the affix file's compound rules: the last slice must hold every word's codes).
  const stems = files.english!.dic.split('\n').slice(1).map((line) => line.split('/')[0].trim().toLowerCase()).filter(Boolean);
  const words = [...stems, ...stems.slice(0, 5000).flatMap((w) => [`${w}s`, `${w}ed`, `${w}ing`]), '1st', '22nd', '113th', '11th', '3rd', '21th', 'kubernetes'];
  const differ = words.filter((w) => atOnce.isWord(w) !== inSteps.english!.isWord(w));
  assert.deepEqual(differ, []);
  assert.deepEqual(['1st', '22nd', '113th', '21th', 'kubernetes'].map((w) => inSteps.english!.isWord(w)), [true, true, true, false, false]);
  assert.deepEqual(inSteps.lists.map((l) => [l.name, l.words.length]), buildDictionaries(files).lists.map((l) => [l.name, l.words.length]));
  assert.ok(pauses >= 13, `${pauses} pauses: the 49,569 lines in slices of 4,000, then one per word list`);
});
