import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, mergeConfigs, parseEpisode, RULES } from '../../server/src/core';
import { pathToFileURL } from 'node:url';
import { BIN, countByRule, fixture, JsonReport, lint, ROOT, tempCopy } from './helpers';

const LINE = /^(\S+):(\d+):(\d+) +(error|warning|information|hint) +([a-z-]+) +(.+)$/;

test('text: path:line:col  severity  rule-id  message, grouped by file, then the summary', (t) => {
  const dir = tempCopy(t, 'project');
  const run = lint(['project'], dir);
  assert.equal(run.code, 1, run.stderr);
  assert.equal(run.stderr, '');
  const blocks = run.stdout.trimEnd().split('\n\n');
  assert.equal(blocks.length, 3, run.stdout); // errors.md, warnings.md, summary (clean.md has nothing to say)
  const errors = blocks[0].split('\n').map((line) => LINE.exec(line));
  assert.deepEqual(errors.map((m) => m && [m[1], m[2], m[3], m[4], m[5]]), [['project/episodes/errors.md', '17', '9', 'error', 'time-mismatch']]);
  assert.match(errors[0]![6], /time '2:38' is 158 s but sec is 159 s/);
  const warnings = blocks[1].split('\n').map((line) => LINE.exec(line));
  assert.deepEqual(
    warnings.map((m) => m && `${m[1]}:${m[2]}:${m[3]} ${m[4]} ${m[5]}`),
    [
      'project/episodes/warnings.md:17:9 warning time-noncanonical',
      'project/episodes/warnings.md:19:3 warning who-missing',
      'project/episodes/warnings.md:23:8 warning sec-order',
    ],
  );
  // Columns are aligned within a file.
  const severityAt = blocks[1].split('\n').map((line) => line.indexOf('warning'));
  assert.equal(new Set(severityAt).size, 1);
  assert.equal(blocks[2], '3 files checked, 1 error, 3 warnings, 0 hints, 1 skipped (not episodes)');
});

test('json: every checked episode is listed (clean ones with no diagnostics), with 1-based positions', (t) => {
  const dir = tempCopy(t, 'project');
  const run = lint(['--format', 'json', 'project'], dir);
  assert.equal(run.code, 1);
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(
    report.files.map((f) => [f.path, f.diagnostics.length]),
    [['project/episodes/clean.md', 0], ['project/episodes/errors.md', 1], ['project/episodes/warnings.md', 3]],
  );
  const [mismatch] = report.files[1].diagnostics;
  assert.deepEqual(
    { ...mismatch, message: undefined },
    { rule: 'time-mismatch', severity: 'error', message: undefined, line: 17, column: 9, endLine: 17, endColumn: 15, fixable: true },
  );
  assert.equal(fixtureLine('project/episodes/errors.md', 17).slice(8, 14), "'2:38'");
  assert.deepEqual(report.summary, { filesChecked: 3, filesSkipped: 1, templatesSkipped: 0, errors: 1, warnings: 3, information: 0, hints: 0 });
});

test('github: one workflow command per diagnostic, properties escaped', (t) => {
  const dir = tempCopy(t, 'project');
  fs.copyFileSync(path.join(dir, 'project/episodes/errors.md'), path.join(dir, 'a,b: c.md'));
  const run = lint(['--format', 'github', 'project/episodes/warnings.md', 'a,b: c.md'], dir);
  assert.equal(run.code, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[0], /^::warning file=project\/episodes\/warnings\.md,line=17,col=9,endLine=17,endColumn=16,title=time-noncanonical::time '01:15' is 75 s/);
  assert.match(lines[3], /^::error file=a%2Cb%3A c\.md,line=17,col=9,endLine=17,endColumn=15,title=time-mismatch::time '2:38'/);
  assert.equal(lines[4], '2 files checked, 1 error, 3 warnings, 0 hints, 0 skipped (not episodes)');
});

test('sarif: a SARIF 2.1.0 log with rules, levels and UTF-16 regions relative to %SRCROOT%', (t) => {
  const dir = tempCopy(t, 'project');
  const run = lint(['--format', 'sarif', 'project', '--rule', 'who-missing=hint'], dir);
  assert.equal(run.code, 1);
  const log = JSON.parse(run.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const [sarifRun] = log.runs;
  const packageVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  assert.equal(sarifRun.tool.driver.name, 'transcript-lint');
  assert.equal(sarifRun.tool.driver.version, packageVersion);
  assert.deepEqual(sarifRun.tool.driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
  assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
  assert.equal(sarifRun.originalUriBaseIds.SRCROOT.uri, pathToFileURL(fs.realpathSync(dir)).href + '/');
  const results = sarifRun.results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: any[] }[];
  assert.deepEqual(results.map((r) => [r.ruleId, r.level]), [['time-mismatch', 'error'], ['time-noncanonical', 'warning'], ['who-missing', 'note'], ['sec-order', 'warning']]);
  for (const result of results) assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, result.ruleId);
  const location = results[0].locations[0].physicalLocation;
  assert.deepEqual(location.artifactLocation, { uri: 'project/episodes/errors.md', uriBaseId: 'SRCROOT' });
  assert.deepEqual(location.region, { startLine: 17, startColumn: 9, endLine: 17, endColumn: 15 });
  assert.match(results[0].message.text, /159 s/);
});

test('exit codes: 0 clean, 0 warnings only, 1 errors, --max-warnings', (t) => {
  const dir = tempCopy(t, 'project');
  const episodes = path.join(dir, 'project/episodes');
  const clean = lint(['clean.md'], episodes);
  assert.deepEqual([clean.code, clean.stdout], [0, '1 file checked, 0 errors, 0 warnings, 0 hints, 0 skipped (not episodes)\n']);
  assert.equal(lint(['warnings.md'], episodes).code, 0);
  assert.equal(lint(['errors.md'], episodes).code, 1);
  assert.equal(lint(['warnings.md', '--max-warnings', '3'], episodes).code, 0);
  const tooMany = lint(['warnings.md', '--max-warnings=2'], episodes);
  assert.equal(tooMany.code, 1);
  assert.equal(tooMany.stderr, 'transcript-lint: 3 warnings, more than --max-warnings 2\n');
  // Hints and turned-off rules do not count as warnings.
  assert.equal(lint(['warnings.md', '--max-warnings', '0', '--rule', 'time-noncanonical=hint,who-missing=off', '--rule', 'sec-order=information'], episodes).code, 0);
});

test('exit code 2 with a one-line message: bad option, bad --rule, bad format, missing path, empty glob', (t) => {
  const dir = tempCopy(t, 'project');
  const cases: [string[], RegExp][] = [
    [['--bogus', 'project'], /^transcript-lint: unknown option '--bogus'\n/],
    [['--rule', 'no-such-rule=error', 'project'], /^transcript-lint: --rule no-such-rule=error: unknown rule 'no-such-rule'\n/],
    [['--rule', 'sec-order=loud', 'project'], /^transcript-lint: --rule sec-order=loud: rule 'sec-order': severity must be one of error, warning, information, hint, off\n/],
    [['--rule', 'sec-order', 'project'], /^transcript-lint: '--rule' expects id=severity/],
    [['--format', 'xml', 'project'], /^transcript-lint: unknown format 'xml' \(use text, json, github, sarif\)\n/],
    [['--max-warnings', 'many', 'project'], /^transcript-lint: '--max-warnings' needs a whole number/],
    [['--format'], /^transcript-lint: option '--format' needs a value\n/],
    [['--fix', '--fix-dry-run', 'project'], /^transcript-lint: use either '--fix' or '--fix-dry-run', not both\n/],
    [['--fix-dry-run', '--format', 'json', 'project'], /does not combine with '--format json'/],
    [['project', 'missing.md'], /^transcript-lint: missing\.md: no such file or folder\n$/],
    [['project/*.txt'], /^transcript-lint: project\/\*\.txt: no files match\n$/],
  ];
  for (const [args, expected] of cases) {
    const run = lint(args, dir);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, expected, args.join(' '));
    assert.equal(run.stdout, '', args.join(' '));
  }
});

test('exit code 2 for a config file that cannot be used, naming the file', (t) => {
  const dir = tempCopy(t, 'project');
  const rc = path.join(dir, '.transcriptlintrc.json');
  fs.writeFileSync(rc, '{ "rules": { "sec-order": "loud" } }');
  let run = lint(['project'], dir);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^transcript-lint: .*\.transcriptlintrc\.json: rule 'sec-order': severity must be one of/);
  fs.writeFileSync(rc, '{ "rules": ');
  run = lint(['project'], dir);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^transcript-lint: cannot read .*\.transcriptlintrc\.json: /);
  run = lint(['--config', 'nowhere.json', 'project'], dir);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^transcript-lint: cannot read .*nowhere\.json/);
});

test('config: the nearest .transcriptlintrc.json above each file, --rule on top, --config instead', (t) => {
  const dir = tempCopy(t, 'project');
  const episodes = path.join(dir, 'project/episodes');
  fs.writeFileSync(path.join(dir, '.transcriptlintrc.json'), JSON.stringify({ rules: { 'time-mismatch': 'warning' }, toleranceSeconds: 5 }));
  const json = (args: string[], cwd = episodes) => {
    const run = lint(['--format', 'json', ...args], cwd);
    return { code: run.code, diagnostics: (JSON.parse(run.stdout) as JsonReport).files.flatMap((f) => f.diagnostics.map((d) => `${d.rule}:${d.severity}`)) };
  };
  // Found two folders up; the sec-order drop of 4 s is within the tolerance.
  assert.deepEqual(json(['errors.md', 'warnings.md']), { code: 0, diagnostics: ['time-mismatch:warning', 'time-noncanonical:warning', 'who-missing:warning'] });
  // --rule wins over the file.
  assert.deepEqual(json(['errors.md', '--rule', 'time-mismatch=error']), { code: 1, diagnostics: ['time-mismatch:error'] });
  assert.deepEqual(json(['errors.md', '--rule', 'time-mismatch=off']), { code: 0, diagnostics: [] });
  // A nearer file wins for the files below it (as in the editor), whatever the current folder.
  fs.writeFileSync(path.join(episodes, '.transcriptlintrc.json'), '{ "rules": { "time-mismatch": "hint" } }');
  assert.deepEqual(json(['project/episodes/errors.md'], dir), { code: 0, diagnostics: ['time-mismatch:hint'] });
  // --config replaces the lookup.
  fs.writeFileSync(path.join(dir, 'strict.json'), '{ "rules": { "who-missing": "error" } }');
  assert.deepEqual(json(['--config', '../../strict.json', 'warnings.md']), {
    code: 1,
    diagnostics: ['time-noncanonical:warning', 'who-missing:error', 'sec-order:warning'],
  });
});

test('discovery: folders recursively for *.md without node_modules and .git, globs with *, ** and ?', (t) => {
  const dir = tempCopy(t, 'project');
  const errors = fixture('project/episodes/errors.md');
  for (const hidden of ['node_modules/pkg', '.git/x', 'project/node_modules', '.hidden']) {
    fs.mkdirSync(path.join(dir, hidden), { recursive: true });
    fs.writeFileSync(path.join(dir, hidden, 'copy.md'), errors);
  }
  fs.mkdirSync(path.join(dir, 'project/episodes/old/older'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'project/episodes/old/older/deep.md'), errors);
  fs.writeFileSync(path.join(dir, 'project/episodes/old/older/deep.markdown'), errors);
  const paths = (...args: string[]) => (JSON.parse(lint(['--format', 'json', ...args], dir).stdout) as JsonReport).files.map((f) => f.path);
  assert.deepEqual(paths('.'), [
    '.hidden/copy.md',
    'project/episodes/clean.md',
    'project/episodes/errors.md',
    'project/episodes/old/older/deep.md',
    'project/episodes/warnings.md',
  ]);
  assert.deepEqual(paths('**/*.md'), [
    'project/episodes/clean.md',
    'project/episodes/errors.md',
    'project/episodes/old/older/deep.md',
    'project/episodes/warnings.md',
  ]);
  assert.deepEqual(paths('project/*/?lean.md', 'project/episodes/*.md'), ['project/episodes/clean.md', 'project/episodes/errors.md', 'project/episodes/warnings.md']);
  assert.deepEqual(paths('project/**/deep.*'), ['project/episodes/old/older/deep.markdown', 'project/episodes/old/older/deep.md']);
  // An absolute pattern: files are shown as given, absolute (issue 26), even below the current folder.
  assert.deepEqual(paths(path.join(dir, 'project/episodes/e*.md')), [path.join(dir, 'project/episodes/errors.md').split(path.sep).join('/')]);
  // A named file is checked whatever its extension; one that is not an episode is skipped and counted.
  const named = JSON.parse(lint(['--format', 'json', 'project/notes/todo.txt', 'project/notes/readme.md', 'project/episodes/clean.md', 'project/episodes/clean.md'], dir).stdout) as JsonReport;
  assert.deepEqual(named.summary, { filesChecked: 1, filesSkipped: 2, templatesSkipped: 0, errors: 0, warnings: 0, information: 0, hints: 0 });
});

test('an episode in a _podcast folder is checked even without a transcript key', (t) => {
  const dir = tempCopy(t);
  fs.mkdirSync(path.join(dir, '_podcast'));
  fs.writeFileSync(path.join(dir, '_podcast/stub.md'), '---\ntitle: A stub\nids:\n  youtube: short\n---\n');
  fs.writeFileSync(path.join(dir, 'stub.md'), '---\ntitle: A stub\nids:\n  youtube: short\n---\n');
  const run = lint(['--format', 'json', '.'], dir);
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(report.files.map((f) => [f.path, f.diagnostics.map((d) => d.rule)]), [['_podcast/stub.md', ['youtube-id-invalid']]]);
  assert.equal(report.summary.filesSkipped, 1);
});

test('positions are the language server\'s: UTF-16 columns (an emoji counts 2), CRLF line endings', (t) => {
  const dir = tempCopy(t, 'wide.md');
  const lf = fixture('wide.md');
  fs.writeFileSync(path.join(dir, 'crlf.md'), lf.replace(/\n/g, '\r\n'));
  const report = JSON.parse(lint(['--format', 'json', 'wide.md', 'crlf.md'], dir).stdout) as JsonReport;
  const [wide, crlf] = report.files;
  const line = lf.split('\n')[10];
  const utf16 = line.indexOf("'0:5'") + 1;
  assert.equal(utf16, [...line.slice(0, line.indexOf("'0:5'"))].length + 3); // two emoji: two more code units than code points
  assert.deepEqual(wide.diagnostics.map((d) => [d.rule, d.line, d.column, d.endLine, d.endColumn]), [['time-malformed', 11, utf16, 11, utf16 + 5]]);
  assert.deepEqual(crlf.diagnostics, wide.diagnostics);
  for (const [name, file] of [['wide.md', wide], ['crlf.md', crlf]] as const) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const uri = pathToFileURL(path.join(dir, name)).href;
    const doc = TextDocument.create(uri, 'markdown', 0, text);
    const expected = analyze(parseEpisode(text, uri), mergeConfigs()).map((f) => {
      const [start, end] = [doc.positionAt(f.start), doc.positionAt(f.end)];
      return [f.rule, f.message, start.line + 1, start.character + 1, end.line + 1, end.character + 1];
    });
    assert.deepEqual(file.diagnostics.map((d) => [d.rule, d.message, d.line, d.column, d.endLine, d.endColumn]), expected);
  }
});

test('--version, --help, and no path: samples/ inside this repository, usage elsewhere', () => {
  const packageVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  assert.deepEqual(lint(['--version'], os.tmpdir()), { code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  const help = lint(['--help'], os.tmpdir());
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: transcript-lint \[options\] <file\|folder\|glob>\.\.\./);
  for (const option of ['--format', '--fix', '--fix-dry-run', '--rule', '--config', '--max-warnings', '--quiet', '--version', 'Examples:', 'Exit codes:']) {
    assert.ok(help.stdout.includes(option), option);
  }
  for (const rule of RULES) assert.ok(help.stdout.includes(rule.id), rule.id);

  const inRepo = lint([], ROOT);
  assert.equal(inRepo.code, 1, inRepo.stderr);
  assert.match(inRepo.stdout, /^samples\/episode\.md:\d+:\d+ /m);
  assert.equal(inRepo.stderr, 'transcript-lint: no path given; checking samples/\n');
  const elsewhere = lint([], os.tmpdir());
  assert.equal(elsewhere.code, 2);
  assert.match(elsewhere.stderr, /^transcript-lint: no file or folder to check\nUsage: transcript-lint/);
});

function fixtureLine(name: string, line: number): string {
  return fixture(name).split('\n')[line - 1];
}

test('counts by rule agree with the summary', (t) => {
  const dir = tempCopy(t, 'project', 'fixable.md', 'wide.md');
  const report = JSON.parse(lint(['--format', 'json', '.'], dir).stdout) as JsonReport;
  const bySeverity = { error: 0, warning: 0, information: 0, hint: 0 } as Record<string, number>;
  for (const file of report.files) for (const d of file.diagnostics) bySeverity[d.severity]++;
  assert.equal(report.summary.errors, bySeverity.error);
  assert.equal(report.summary.warnings, bySeverity.warning);
  assert.equal(report.summary.hints, bySeverity.hint);
  assert.equal([...countByRule(report).values()].reduce((a, b) => a + b.count, 0), Object.values(bySeverity).reduce((a, b) => a + b, 0));
});

test('a reader that stops early (| head) gets no stack trace, and the exit code still tells', (t) => {
  const dir = tempCopy(t);
  const text = fixture('project/episodes/errors.md');
  for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(dir, `e${i}.md`), text); // ~100 kB of output, more than a pipe holds
  const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" . | head -c 100 > /dev/null`], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.stderr, '');
  assert.equal(result.status, 1);
});

test('transcript-copy: two episodes with the same spoken lines each name the other', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-lint-copy-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const lines = Array.from({ length: 12 }, (_, i) =>
    `- line: Line number ${i} of a conversation about lighthouse keeping and ledgers.\n  sec: ${i * 10}\n  time: '${Math.floor(i / 6)}:${String((i * 10) % 60).padStart(2, '0')}'\n  who: ${i % 2 ? 'Mara' : 'Tobin'}\n`).join('');
  const page = (id: string) => `---\ntitle: Episode ${id}\nids:\n  youtube: ${id}\ntranscript:\n${lines}---\n`;
  fs.writeFileSync(path.join(dir, 'first.md'), page('AbCdEfGhIjK'));
  fs.writeFileSync(path.join(dir, 'second.md'), page('ZyXwVuTsRqP'));
  fs.writeFileSync(path.join(dir, 'other.md'), page('AbCdEfGhIj0').replace(/conversation about lighthouse keeping/g, 'talk on something else entirely'));
  const run = lint(['--format', 'json', '.'], dir);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as JsonReport;
  const copies = report.files.flatMap((f) => f.diagnostics.filter((d) => d.rule === 'transcript-copy').map((d) => `${f.path}:${d.line}:${d.column} ${d.message}`));
  assert.deepEqual(copies, [
    'first.md:5:1 the spoken lines of this episode are those of second.md: 12 of 12 lines (of 20+ characters) are the same; one transcript was probably copied into the wrong episode',
    'second.md:5:1 the spoken lines of this episode are those of first.md: 12 of 12 lines (of 20+ characters) are the same; one transcript was probably copied into the wrong episode',
  ]);
  assert.equal(lint(['--format', 'json', '--rule', 'transcript-copy=off', '.'], dir).stdout.includes('transcript-copy'), false);
});
