#!/usr/bin/env node
/**
 * Whether a change left transcript-lint's findings on the corpus exactly as they were (for speed
 * work on a rule). Run after a build, once before the change and once after:
 *
 *   node bench/lint-same.mjs /tmp/reference.json [corpus folder]
 *
 * The first run writes the `--format json` output to the reference file (keep it outside the
 * repository: it quotes the corpus); later runs compare with it, finding by finding, and exit 1
 * on any difference.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [reference, corpusArg] = process.argv.slice(2);
if (!reference) {
  console.error('usage: node bench/lint-same.mjs <reference.json> [corpus folder]');
  process.exit(2);
}
const corpus = path.resolve(corpusArg ?? path.join(root, '../shared/corpus/podcast'));
if (!fs.existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: nothing to compare`);
  process.exit(0);
}
const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lint-same-')), 'defaults.json');
fs.writeFileSync(config, '{}');
const result = spawnSync(process.execPath, [path.join(root, 'out/server/src/cli/main.js'), '--format', 'json', '--config', config, corpus], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
fs.rmSync(path.dirname(config), { recursive: true, force: true });
if (result.status === 2) {
  console.error(`transcript-lint failed: ${result.stderr}`);
  process.exit(2);
}
if (!fs.existsSync(reference)) {
  fs.writeFileSync(reference, result.stdout);
  console.log(`reference written: ${reference}`);
  process.exit(0);
}
const findings = (json) => JSON.parse(json).files.flatMap((file) => (file.diagnostics ?? []).map((f) => `${file.path}\t${JSON.stringify(f)}`));
const before = findings(fs.readFileSync(reference, 'utf8'));
const after = findings(result.stdout);
const gone = before.filter((f) => !after.includes(f));
const added = after.filter((f) => !before.includes(f));
const sameOrder = gone.length === 0 && added.length === 0 && before.join('\n') === after.join('\n');
console.log(`${before.length} findings before, ${after.length} after: ${gone.length} gone, ${added.length} new${sameOrder ? ', same order' : ''}`);
for (const f of gone.slice(0, 10)) console.log(`- ${f}`);
for (const f of added.slice(0, 10)) console.log(`+ ${f}`);
process.exit(sameOrder && result.stdout === fs.readFileSync(reference, 'utf8') ? 0 : 1);
