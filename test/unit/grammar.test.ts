// Tokenizes fixture episodes with the real TextMate engine (vscode-textmate + vscode-oniguruma)
// and checks the scopes that syntaxes/transcript.injection.tmLanguage.json gives them.
//
// Host grammars: always a small stand-in under test/fixtures/grammar/ that embeds the front
// matter as VS Code's Markdown grammar does; in addition VS Code's own Markdown and YAML grammars
// when a code-server install is found (test/e2e/node_modules/code-server, or the built-in
// extensions folder named by VSCODE_BUILTIN_EXTENSIONS).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

type ThemeSetting = vsctm.IRawTheme['settings'][number];

const INJECTION_SCOPE = 'frontmatter.transcript.injection';
const HOST_SCOPE = 'text.html.markdown';

function findRepoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'syntaxes', 'transcript.injection.tmLanguage.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no syntaxes/transcript.injection.tmLanguage.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

const ROOT = findRepoRoot();
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'grammar');
const INJECTION_PATH = path.join(ROOT, 'syntaxes', 'transcript.injection.tmLanguage.json');

interface Host {
  name: string;
  /** scopeName -> grammar file */
  grammars: Map<string, string>;
  /** folder of VS Code's default themes, when this host is VS Code's */
  themesDir?: string;
}

function fixtureHost(): Host {
  return {
    name: 'fixture host grammar (test/fixtures/grammar)',
    grammars: new Map([
      [HOST_SCOPE, path.join(FIXTURES, 'markdown-host.tmLanguage.json')],
      ['source.yaml', path.join(FIXTURES, 'yaml-host.tmLanguage.json')],
    ]),
  };
}

function vscodeHost(): Host | undefined {
  const candidates = [
    process.env.VSCODE_BUILTIN_EXTENSIONS,
    path.join(ROOT, 'test', 'e2e', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions'),
  ];
  for (const dir of candidates) {
    if (!dir) continue;
    const markdown = path.join(dir, 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
    const yamlDir = path.join(dir, 'yaml', 'syntaxes');
    if (!fs.existsSync(markdown) || !fs.existsSync(yamlDir)) continue;
    const grammars = new Map<string, string>([[HOST_SCOPE, markdown]]);
    for (const file of fs.readdirSync(yamlDir)) {
      if (!file.endsWith('.json')) continue;
      const full = path.join(yamlDir, file);
      const scopeName = (JSON.parse(fs.readFileSync(full, 'utf8')) as { scopeName: string }).scopeName;
      grammars.set(scopeName, full);
    }
    const themesDir = path.join(dir, 'theme-defaults', 'themes');
    return {
      name: `VS Code's Markdown and YAML grammars (${dir})`,
      grammars,
      themesDir: fs.existsSync(themesDir) ? themesDir : undefined,
    };
  }
  return undefined;
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function getOnigLib(): Promise<vsctm.IOnigLib> {
  if (!onigLib) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const buffer = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    onigLib = oniguruma.loadWASM(buffer).then(() => ({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }));
  }
  return onigLib;
}

function createRegistry(host: Host, withInjection: boolean): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (scopeName) => {
      const file = scopeName === INJECTION_SCOPE ? INJECTION_PATH : host.grammars.get(scopeName);
      if (!file) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) => (withInjection && scopeName === HOST_SCOPE ? [INJECTION_SCOPE] : undefined),
  });
}

interface Token {
  text: string;
  scopes: string[];
}

async function loadMarkdown(host: Host, withInjection: boolean): Promise<vsctm.IGrammar> {
  const grammar = await createRegistry(host, withInjection).loadGrammar(HOST_SCOPE);
  assert.ok(grammar, `could not load ${HOST_SCOPE}`);
  return grammar;
}

function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/**
 * For every line of `text` equal to `line` (there must be one at least), the scopes of its one
 * token whose text is `tokenText` (compared after trimming, unless `exact`).
 */
function scopesOf(text: string, tokens: Token[][], line: string, tokenText: string, exact = false): string[][] {
  const result: string[][] = [];
  text.split('\n').forEach((candidate, index) => {
    if (candidate !== line) return;
    const found = tokens[index].filter((t) => (exact ? t.text : t.text.trim()) === tokenText);
    assert.equal(found.length, 1, `expected one token ${JSON.stringify(tokenText)} on line ${index + 1}, got ${found.length}`);
    result.push(found[0].scopes);
  });
  assert.ok(result.length > 0, `fixture has no line ${JSON.stringify(line)}`);
  return result;
}

function assertScope(lists: string[][], scope: string, what: string): void {
  for (const scopes of lists) {
    assert.ok(scopes.includes(scope), `${what}: expected scope ${scope} in [${scopes.join(', ')}]`);
  }
}

function assertNoScope(lists: string[][], prefix: string, what: string): void {
  for (const scopes of lists) {
    const hit = scopes.find((s) => s === prefix || s.startsWith(prefix + '.'));
    assert.equal(hit, undefined, `${what}: unexpected scope ${hit} in [${scopes.join(', ')}]`);
  }
}

const HEADING = 'markup.heading.transcript';
const SPEAKER = 'entity.name.function.speaker.transcript';
const TIME = 'constant.numeric.time.transcript';
const BAD_TIME = 'invalid.illegal.time.transcript';
const SEC = 'constant.numeric.integer.sec.transcript';
const LINE = 'meta.line.transcript';
const REGION = 'meta.transcript.frontmatter';

const hosts: Host[] = [fixtureHost()];
const vscode = vscodeHost();
if (vscode) hosts.push(vscode);

describe('transcript injection grammar: hosts', () => {
  it('names the host grammars used', (t) => {
    for (const host of hosts) {
      console.log(`grammar test host: ${host.name}`);
      t.diagnostic(`host: ${host.name}`);
    }
    // The end-to-end run (test/e2e/run.sh) sets this once code-server is installed: there, VS Code's own grammars and themes must be tested.
    if (!vscode && process.env.TRANSCRIPTS_REQUIRE_VSCODE_GRAMMARS) {
      assert.fail(`VS Code's grammars were required but not found (looked in VSCODE_BUILTIN_EXTENSIONS and ${path.join('test', 'e2e', 'node_modules', 'code-server')})`);
    }
    if (!vscode) {
      console.log('grammar test host: VS Code grammars not found (install test/e2e or set VSCODE_BUILTIN_EXTENSIONS); fixture host only');
      t.diagnostic('VS Code grammars not found; fixture host only');
    }
  });

  it('declares the injection the way package.json contributes it', () => {
    const raw = JSON.parse(fs.readFileSync(INJECTION_PATH, 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(raw.scopeName, INJECTION_SCOPE);
    assert.match(raw.injectionSelector, /meta\.embedded\.block\.frontmatter/);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes?: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const contributed = manifest.contributes?.grammars?.find((g) => g.scopeName === INJECTION_SCOPE);
    assert.ok(contributed, 'package.json contributes.grammars has no entry for the injection');
    assert.deepEqual(contributed.injectTo, [HOST_SCOPE]);
    assert.equal(path.resolve(ROOT, contributed.path), INJECTION_PATH);
  });
});

for (const host of hosts) {
  describe(`transcript injection grammar in ${host.name}`, () => {
    const episode = readFixture('episode.md');
    let plainGrammar: vsctm.IGrammar;
    let injected: vsctm.IGrammar;
    let tokens: Token[][];

    before(async () => {
      plainGrammar = await loadMarkdown(host, false);
      injected = await loadMarkdown(host, true);
      tokens = tokenize(injected, episode);
    });

    const scopes = (line: string, token: string, exact = false) => scopesOf(episode, tokens, line, token, exact);

    it('scopes a header item as a heading, keeping the key a YAML key', () => {
      const line = '- header: Welcome to the pond';
      assertScope(scopes(line, 'Welcome to the pond'), HEADING, 'header text');
      assertScope(scopes(line, 'header'), 'entity.name.tag.yaml', 'header key');
      assertScope(scopes(line, '-'), 'punctuation.definition.block.sequence.item.yaml', 'item dash');
    });

    it('keeps the heading scope on the continuation of a wrapped plain header', () => {
      assertScope(scopes('- header: A header that is long enough to be wrapped by the dumper onto a second', 'A header that is long enough to be wrapped by the dumper onto a second'), HEADING, 'first line');
      assertScope(scopes('    line', 'line'), HEADING, 'continuation line');
    });

    it('keeps the heading scope over a quoted header broken over lines', () => {
      assertScope(scopes("- header: 'Quoted header: wrapped over", 'Quoted header: wrapped over'), HEADING, 'first line');
      const last = scopes("    two lines'", 'two lines');
      assertScope(last, HEADING, 'continuation line');
      assertScope(last, 'string.quoted.single.yaml', 'continuation line');
    });

    it('scopes speakers, plain and quoted', () => {
      assertScope(scopes('  who: Host', 'Host'), SPEAKER, 'plain who');
      assertScope(scopes('- who: Host', 'Host'), SPEAKER, 'who first in its item');
      assertScope(scopes("  who: 'Guest:'", 'Guest:'), SPEAKER, 'quoted who');
      assertScope(scopes('  who: Host', 'who'), 'entity.name.tag.yaml', 'who key');
      assertNoScope(scopes('  who: Host', 'who'), 'entity.name.function', 'who key');
    });

    it('scopes a valid single-quoted time, quotes included, as a number', () => {
      for (const [line, value] of [
        ["  time: '1:12'", '1:12'],
        ["  time: '1:02:05'", '1:02:05'],
        ["  time: '10:00'", '10:00'],
      ]) {
        const valueScopes = scopes(line, value);
        assertScope(valueScopes, TIME, line);
        assertScope(valueScopes, 'string.quoted.single.yaml', line);
        assertNoScope(valueScopes, 'invalid', line);
        assertNoScope(scopes(line, 'time'), 'constant.numeric', `${line} key`);
      }
    });

    it('scopes a plain (unquoted) time as a number', () => {
      const valueScopes = scopes('  time: 0:05', '0:05');
      assertScope(valueScopes, TIME, 'plain time');
      assertNoScope(valueScopes, 'invalid', 'plain time');
    });

    it('scopes a time that is not M:SS or H:MM:SS as invalid', () => {
      const quoted = scopes("  time: '1:5'", '1:5');
      assertScope(quoted, BAD_TIME, "'1:5'");
      assertNoScope(quoted, 'constant.numeric', "'1:5'");
      assertScope(scopes('  time: 12:345', '12:345'), BAD_TIME, 'plain 12:345');
      assertScope(scopes("  time: '9:", '9:'), BAD_TIME, 'first line of a broken time');
      assertScope(scopes("    46'", '46'), BAD_TIME, 'last line of a broken time');
    });

    it('scopes sec as a number', () => {
      for (const [line, value] of [
        ['  sec: 5', '5'],
        ['  sec: 3725', '3725'],
        ['  sec: 65', '65'],
      ]) {
        assertScope(scopes(line, value), SEC, line);
      }
    });

    it('keeps the string scope on the continuation lines of wrapped line values', () => {
      const plainFirst = scopes('- line: Hello and welcome. Today my guest tells us everything about ducks, from', 'Hello and welcome. Today my guest tells us everything about ducks, from');
      const plainNext = scopes('    the way they paddle to the reasons they quack at dawn.', 'the way they paddle to the reasons they quack at dawn.');
      for (const s of [plainFirst, plainNext]) {
        assertScope(s, 'string.unquoted.plain.out.yaml', 'plain line value');
        assertScope(s, LINE, 'plain line value');
      }
      const singleNext = scopes("    small bag of bread.'", 'small bag of bread.');
      assertScope(singleNext, 'string.quoted.single.yaml', 'single-quoted continuation');
      assertScope(singleNext, LINE, 'single-quoted continuation');
      assertScope(scopes('    \\ always said."', '\\ ', true), 'constant.character.escape.yaml', 'escaped line break');
      const said = scopes('    \\ always said."', 'always said.');
      assertScope(said, 'string.quoted.double.yaml', 'double-quoted continuation');
      assertScope(said, LINE, 'double-quoted continuation');
      assertScope(scopes('- line: "Ducks \\u201Cknow\\u201D when it will rain, or so my grandmother\\', '\\u201C'), 'constant.character.escape.unicode.16-bit.yaml', '\\u escape');
      for (const s of [plainNext, singleNext, said]) {
        for (const special of [HEADING, SPEAKER, TIME, BAD_TIME, SEC]) assertNoScope(s, special, 'line value');
      }
    });

    it('scopes a comment inside the transcript as a YAML comment', () => {
      assertScope(scopes('# a comment inside the transcript', '#'), 'comment.line.number-sign.yaml', 'comment');
    });

    it('touches nothing before transcript:, from the next top-level key on, or in the Markdown body', () => {
      const before = tokenize(plainGrammar, episode);
      const lines = episode.split('\n');
      const start = lines.indexOf('transcript:');
      const end = lines.findIndex((l) => l.startsWith('context:'));
      assert.ok(start > 0 && end > start);
      for (let i = 0; i < lines.length; i++) {
        const inside = i >= start && i < end;
        if (inside) {
          for (const t of tokens[i]) assertScope([t.scopes], REGION, `line ${i + 1}`);
        } else {
          assert.deepEqual(tokens[i], before[i], `line ${i + 1} ${JSON.stringify(lines[i])} changed by the injection`);
        }
      }
    });

    it('leaves a front matter without a top-level transcript key untouched', async () => {
      const text = readFixture('not-an-episode.md');
      assert.deepEqual(tokenize(injected, text), tokenize(plainGrammar, text));
    });

    it('leaves a Markdown file without front matter untouched', async () => {
      const text = readFixture('plain.md');
      assert.deepEqual(tokenize(injected, text), tokenize(plainGrammar, text));
    });
  });
}

if (vscode?.themesDir) {
  const themesDir = vscode.themesDir;
  describe("transcript colours in VS Code's default themes", () => {
    interface RawTheme {
      include?: string;
      tokenColors?: ThemeSetting[];
      colors?: Record<string, string>;
    }
    function loadTheme(file: string): { settings: ThemeSetting[]; foreground: string } {
      const raw = JSON.parse(fs.readFileSync(path.join(themesDir, file), 'utf8')) as RawTheme;
      const parent = raw.include ? loadTheme(path.basename(raw.include)) : { settings: [], foreground: '' };
      return {
        settings: [...parent.settings, ...(raw.tokenColors ?? [])],
        foreground: raw.colors?.['editor.foreground'] ?? parent.foreground,
      };
    }

    // Every theme VS Code ships except the two legacy "Visual Studio" ones (dark_vs.json,
    // light_vs.json), which colour neither function nor type names, so no speaker scope stands out there.
    const LEGACY = new Set(['dark_vs.json', 'light_vs.json']);
    const themeFiles = fs.readdirSync(themesDir).filter((f) => f.endsWith('.json') && !LEGACY.has(f));

    for (const file of themeFiles) {
      it(`gives headers, speakers, times, invalid times, keys and line text distinct colours in ${file}`, async () => {
        const theme = loadTheme(file);
        const registry = createRegistry(vscode, true);
        registry.setTheme({ settings: [{ settings: { foreground: theme.foreground || '#888888', background: '#000000' } }, ...theme.settings] });
        const grammar = await registry.loadGrammar(HOST_SCOPE);
        assert.ok(grammar);
        const colorMap = registry.getColorMap();
        const sample = ['---', 'transcript:', '- header: Opening', '- line: Words', '  sec: 5', "  time: '0:05'", '  who: Host', "- time: '0:5'", '---'];
        let state = vsctm.INITIAL;
        const colours = new Map<string, string>();
        for (const line of sample) {
          const result = grammar.tokenizeLine2(line, state);
          state = result.ruleStack;
          for (let i = 0; i < result.tokens.length; i += 2) {
            const start = result.tokens[i];
            const end = i + 2 < result.tokens.length ? result.tokens[i + 2] : line.length;
            const foreground = colorMap[(result.tokens[i + 1] >>> 15) & 0x1ff];
            const word = line.slice(start, end).trim();
            if (word && !colours.has(word)) colours.set(word, foreground.toLowerCase());
          }
        }
        const roles: Record<string, string | undefined> = {
          header: colours.get('Opening'),
          speaker: colours.get('Host'),
          time: colours.get("'0:05'"),
          'invalid time': colours.get("'0:5'"),
          key: colours.get('header'),
          'line text': colours.get('Words'),
        };
        for (const [role, colour] of Object.entries(roles)) assert.ok(colour, `${file}: no colour for ${role}`);
        const mustDiffer: [string, string][] = [
          ['header', 'speaker'],
          ['header', 'time'],
          ['speaker', 'time'],
          ['time', 'invalid time'],
          ['speaker', 'key'],
          ['speaker', 'line text'],
          ['time', 'line text'],
        ];
        for (const [a, b] of mustDiffer) {
          assert.notEqual(roles[a], roles[b], `${file}: ${a} and ${b} share the colour ${roles[a]}`);
        }
      });
    }
  });
}
