import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { JsonReport, lint } from './helpers';

/**
 * name-spelling and term-spelling on the command line: one episode given alone is checked with what
 * its site knows (the people folder beside the episodes' folder, the other episodes), and every
 * finding carries its suggestions, best first, in each format. The site is made up here.
 */

let sec = 0;
const say = (who: string, line: string) => `- line: ${line}\n  sec: ${(sec += 5)}\n  time: '${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}'\n  who: ${who}\n`;
const hosts = say('Rosa', 'Welcome to the show.') + say('Rosa', 'Glad you could come.') + say('Rosa', 'Let us start.');
const episode = (title: string, lines: string, guests = '') => `---\ntitle: ${title}\n${guests}transcript:\n${hosts}${lines}---\n`;

function site(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-terms-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, '_podcast'));
  fs.mkdirSync(path.join(dir, '_people'));
  fs.writeFileSync(path.join(dir, '_people', 'tomasz-w.md'), '---\ntitle: Tomasz Wierzbicki\n---\nA made-up guest.\n');
  // Vandelay in four other episodes, Vandeley in three of them: both are the site's spellings.
  for (let n = 1; n <= 4; n++) {
    const also = n <= 3 ? say('Rosa', 'Some say Vandeley instead.') : '';
    fs.writeFileSync(path.join(dir, '_podcast', `other-${n}.md`), episode(`Other ${n}`, say('Rosa', 'We deploy on Vandelay.') + also));
  }
  const open = episode('Deploys', say('Tomasz', 'I am Tomash, hello.') + say('Tomasz', 'We deploy on Vandelai every day.'), 'guests:\n- tomasz-w\n');
  fs.writeFileSync(path.join(dir, '_podcast', 'open.md'), open);
  return dir;
}

/** Lines and columns (1-based) of the open episode's misheard words. */
const TOMASH = { line: 18, column: 14, endLine: 18, endColumn: 20 };
const VANDELAI = { line: 22, column: 22, endLine: 22, endColumn: 30 };

test('--format json: one file given alone knows its site; each finding has its suggestions, best first', (t) => {
  const dir = site(t);
  const run = lint(['--format', 'json', '_podcast/open.md'], dir);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(report.files.map((f) => f.path), ['_podcast/open.md']);
  const found = report.files[0].diagnostics.filter((d) => d.rule.endsWith('-spelling'));
  assert.deepEqual(found.map(({ rule, severity, message, line, column, endLine, endColumn, suggestions }) => ({ rule, severity, message, line, column, endLine, endColumn, suggestions })), [
    { rule: 'name-spelling', severity: 'warning', message: "'Tomash' is probably 'Tomasz' (guest Tomasz Wierzbicki)", ...TOMASH, suggestions: ['Tomasz'] },
    { rule: 'term-spelling', severity: 'information', message: "'Vandelai' is probably 'Vandelay' (in 4 episodes)", ...VANDELAI, suggestions: ['Vandelay', 'Vandeley'] },
  ]);
  const lines = fs.readFileSync(path.join(dir, '_podcast', 'open.md'), 'utf8').split('\n');
  assert.equal(lines[VANDELAI.line - 1].slice(VANDELAI.column - 1, VANDELAI.endColumn - 1), 'Vandelai');
  assert.equal(lines[TOMASH.line - 1].slice(TOMASH.column - 1, TOMASH.endColumn - 1), 'Tomash');
});

test('without the people folder the guest is unknown: no name-spelling, the term still found', (t) => {
  const dir = site(t);
  fs.rmSync(path.join(dir, '_people'), { recursive: true });
  const report = JSON.parse(lint(['--format', 'json', '_podcast/open.md'], dir).stdout) as JsonReport;
  assert.deepEqual(report.files[0].diagnostics.filter((d) => d.rule.endsWith('-spelling')).map((d) => d.message), ["'Vandelai' is probably 'Vandelay' (in 4 episodes)"]);
});

test('--format sarif: each suggestion is a fix replacing the finding\'s region', (t) => {
  const dir = site(t);
  const sarif = JSON.parse(lint(['--format', 'sarif', '_podcast/open.md'], dir).stdout);
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'term-spelling');
  const region = { startLine: VANDELAI.line, startColumn: VANDELAI.column, endLine: VANDELAI.endLine, endColumn: VANDELAI.endColumn };
  assert.deepEqual(result.locations[0].physicalLocation.region, region);
  assert.deepEqual(result.fixes, ['Vandelay', 'Vandeley'].map((text) => ({
    description: { text: `Replace with '${text}'` },
    artifactChanges: [{ artifactLocation: { uri: '_podcast/open.md', uriBaseId: 'SRCROOT' }, replacements: [{ deletedRegion: region, insertedContent: { text } }] }],
  })));
});

test('--format github: the suggestion in the annotation\'s message, the others after it', (t) => {
  const dir = site(t);
  const out = lint(['--format', 'github', '_podcast/open.md'], dir).stdout.split('\n');
  assert.deepEqual(out.filter((l) => l.includes('-spelling')), [
    `::warning file=_podcast/open.md,line=${TOMASH.line},col=${TOMASH.column},endLine=${TOMASH.endLine},endColumn=${TOMASH.endColumn},title=name-spelling::'Tomash' is probably 'Tomasz' (guest Tomasz Wierzbicki)`,
    `::notice file=_podcast/open.md,line=${VANDELAI.line},col=${VANDELAI.column},endLine=${VANDELAI.endLine},endColumn=${VANDELAI.endColumn},title=term-spelling::'Vandelai' is probably 'Vandelay' (in 4 episodes) (or 'Vandeley')`,
  ]);
});

/** The spelling findings of open.md in a report, as a user reads them. */
function spellingOf(report: JsonReport): { rule: string; message: string; line: number; column: number; suggestions?: string[] }[] {
  const open = report.files.find((f) => f.path.endsWith('open.md'))!;
  return open.diagnostics.filter((d) => d.rule.endsWith('-spelling')).map(({ rule, message, line, column, suggestions }) => ({ rule, message, line, column, suggestions }));
}

test('the whole folder given: every episode counted once, from the model of its own check; the same findings as the file given alone', (t) => {
  const dir = site(t);
  const alone = JSON.parse(lint(['--format', 'json', '_podcast/open.md'], dir).stdout) as JsonReport;
  const folder = JSON.parse(lint(['--format', 'json', '_podcast'], dir).stdout) as JsonReport;
  assert.equal(folder.files.length, 5);
  assert.deepEqual(spellingOf(folder), spellingOf(alone));
  assert.deepEqual(spellingOf(folder).map((d) => d.message), ["'Tomash' is probably 'Tomasz' (guest Tomasz Wierzbicki)", "'Vandelai' is probably 'Vandelay' (in 4 episodes)"]);
  // Vandeley, in three episodes, is a spelling of the site: the episodes saying it are quiet.
  assert.deepEqual(folder.files.filter((f) => !f.path.endsWith('open.md')).flatMap((f) => f.diagnostics.filter((d) => d.rule.endsWith('-spelling'))), []);
});

test('--fix: the findings left after the fixes include name-spelling and term-spelling, in document order', (t) => {
  const dir = site(t);
  const file = path.join(dir, '_podcast', 'open.md');
  // The first time label made to disagree with its sec: fixed by --fix; the misheard words stay (their fixes are never applied).
  const text = fs.readFileSync(file, 'utf8');
  const label = /time: '(\d+:\d+)'/.exec(text)!;
  fs.writeFileSync(file, text.replace(label[0], "time: '9:59'"));
  const fixed = lint(['--fix', '--format', 'json', '_podcast/open.md'], dir);
  const report = JSON.parse(fixed.stdout) as JsonReport;
  assert.equal(fs.readFileSync(file, 'utf8'), text, fixed.stderr);
  assert.deepEqual(spellingOf(report).map(({ message, line, column }) => ({ message, line, column })), [
    { message: "'Tomash' is probably 'Tomasz' (guest Tomasz Wierzbicki)", line: TOMASH.line, column: TOMASH.column },
    { message: "'Vandelai' is probably 'Vandelay' (in 4 episodes)", line: VANDELAI.line, column: VANDELAI.column },
  ]);
  const rows = report.files[0].diagnostics.map((d) => [d.line, d.column]);
  assert.deepEqual(rows, [...rows].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
});
