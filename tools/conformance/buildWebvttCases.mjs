// Builds test/conformance/webvtt/*.json (WebVTT inputs with the cue lists the public suites expect)
// from local copies of the upstream files. Run once when the suites are refreshed; the JSON is committed.
//
//   node tools/conformance/buildWebvttCases.mjs <wpt-raw-dir> <vtt.js git dir>
//
// <wpt-raw-dir> holds wpt*.json ({ name: [commit, text of webvtt/parsing/file-parsing/support/<name>.test] })
// and cuetext.json ({ file: [path, commit, [{ name, input, expected }]] }, the runTests lists of
// webvtt/parsing/cue-text-parsing/tests/*.html). <vtt.js git dir> is a clone of mozilla/vtt.js.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

const [wptDir, vttjsGit] = process.argv.slice(2);
const OUT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../test/conformance/webvtt');

/** Python's `unicode_escape` decoding, as WPT's tools/build.py turns a .test body into the .vtt file. */
function unicodeEscape(text) {
  return text.replace(/\\(\n|\\|n|r|t|f|v|a|b|'|"|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[0-7]{1,3})/g, (_, e) => {
    const simple = { '\n': '', '\\': '\\', n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', a: '\x07', b: '\b', "'": "'", '"': '"' };
    if (e in simple) return simple[e];
    if (e[0] === 'x' || e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
    return String.fromCharCode(parseInt(e, 8));
  });
}

/**
 * The cue facts a WPT file-parsing test asserts, found by running its assertions against cues that
 * record what each property is compared with (the count comes from `assert_equals(cues.length, N)`).
 */
function wptExpectations(js) {
  const count = /assert_equals\(cues\.length,\s*(\d+)/.exec(js);
  if (!count) return undefined;
  const facts = Array.from({ length: Number(count[1]) }, () => ({}));
  const FIELDS = { text: 'text', startTime: 'start', endTime: 'end' };
  const cues = facts.map((fact) => new Proxy({}, { get: (_, key) => (key in FIELDS ? { record: (value) => (fact[FIELDS[key]] = value) } : {}) }));
  const assert_equals = (actual, expected) => actual && typeof actual.record === 'function' && actual.record(expected);
  const ignore = () => {};
  vm.runInNewContext(js, { cues, assert_equals, assert_true: ignore, assert_false: ignore, assert_not_equals: ignore, Array });
  return facts;
}

function wptFileParsing() {
  const cases = [];
  for (const file of fs.readdirSync(wptDir).filter((f) => /^wpt\d+\.json$/.test(f)).sort()) {
    for (const [name, [commit, source]] of Object.entries(JSON.parse(fs.readFileSync(path.join(wptDir, file), 'utf8')))) {
      const body = source.split('\n\n').slice(1).join('\n\n');
      const [js, vtt] = [body.slice(0, body.indexOf('===\n')), body.slice(body.indexOf('===\n') + 4)];
      const cues = wptExpectations(js);
      if (cues) cases.push({ name, path: `webvtt/parsing/file-parsing/support/${name}.test`, commit, vtt: unicodeEscape(vtt), cues });
    }
  }
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

/** A cue-text tree dump (`| "text"`, `| <span>`, `|   title="a"`) to the cue's plain text and its voice. */
function treeText(dump) {
  const lines = dump.split('\n').slice(1);
  let text = '';
  let voice;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\| */, '');
    if (line.startsWith('"')) {
      while (!(line.length > 1 && line.endsWith('"')) && i + 1 < lines.length) line += `\n${lines[++i]}`;
      text += line.slice(1, -1).replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    } else if (/^title="/.test(line) && voice === undefined) voice = line.slice(7, -1);
  }
  return voice === undefined ? { text } : { text, voice };
}

function wptCueText() {
  const cases = [];
  for (const [file, [filePath, commit, tests]] of Object.entries(JSON.parse(fs.readFileSync(path.join(wptDir, 'cuetext.json'), 'utf8')))) {
    for (const test of tests) {
      const input = decodeURIComponent(test.input);
      const expected = treeText(decodeURIComponent(test.expected));
      cases.push({ name: `${file} ${test.name}`, path: filePath, commit, cueText: input, vtt: `WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${input}\n`, cues: [{ start: 0, end: 1, ...expected }] });
    }
  }
  return cases;
}

const git = (...args) => execFileSync('git', ['--git-dir', vttjsGit, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Text content of a processed cue (vtt.js's `-proc.json` DOM dump) and the title of its first voice span. */
function procCue(node) {
  let voice;
  const walk = (n) => {
    if (voice === undefined && n.localName === 'span' && n.title) voice = n.title;
    (n.childNodes ?? []).forEach(walk);
  };
  walk(node);
  return voice === undefined ? { text: node.textContent } : { text: node.textContent, voice };
}

function vttjs() {
  const commit = git('rev-parse', 'HEAD').trim();
  const files = git('ls-tree', '-r', '--name-only', 'HEAD', 'tests').split('\n');
  const cases = [];
  for (const testJs of files.filter((f) => /\/tests?\.js$/.test(f) && f !== 'tests/test-runner.js')) {
    const source = git('show', `HEAD:${testJs}`);
    for (const match of source.matchAll(/test\.(jsonEqual\w*)\("([^"]+\.vtt)",\s*"([^"]+\.json)"/g)) {
      const [, , vttPath, jsonPath] = match;
      const vttFile = `tests/${vttPath}`;
      if (!files.includes(vttFile) || cases.some((c) => c.path === vttFile)) continue;
      const parsed = JSON.parse(git('show', `HEAD:tests/${jsonPath}`));
      const procFile = vttFile.replace(/\.vtt$/, '-proc.json');
      const proc = files.includes(procFile) ? JSON.parse(git('show', `HEAD:${procFile}`)) : undefined;
      // The processed dump holds the cues shown at time 0; its text is the cue's plain text only when it covers every cue.
      const plain = proc && proc.length === parsed.cues.length ? proc.map(procCue) : undefined;
      const cues = parsed.cues.map((cue, i) => ({ start: cue.startTime, end: cue.endTime, ...(plain ? plain[i] : {}) }));
      const vtt = execFileSync('git', ['--git-dir', vttjsGit, 'show', `HEAD:${vttFile}`]).toString('utf8');
      cases.push({ name: vttPath, path: vttFile, commit, expectedFrom: [`tests/${jsonPath}`, ...(plain ? [procFile] : [])], vtt, cues });
    }
  }
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

const write = (name, repo, licence, cases) => {
  fs.writeFileSync(path.join(OUT, name), `${JSON.stringify({ repo, licence, cases }, null, 1)}\n`);
  console.log(`${name}: ${cases.length} cases, ${cases.reduce((n, c) => n + c.cues.length, 0)} expected cues`);
};
fs.mkdirSync(OUT, { recursive: true });
write('wpt-file-parsing.json', 'web-platform-tests/wpt', 'BSD-3-Clause', wptFileParsing());
write('wpt-cue-text.json', 'web-platform-tests/wpt', 'BSD-3-Clause', wptCueText());
write('vttjs.json', 'mozilla/vtt.js', 'Apache-2.0', vttjs());
