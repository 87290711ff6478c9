// The bench's inputs: the seed episode, the largest real episode (when ../shared is present) and
// synthetic episodes. Each becomes a Markdown document for our server and its front matter as a
// `.yaml` document for yaml-language-server, with the places to edit and hover located in both.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS, exists, LARGEST_REAL, OUR_CORE, rootRequire, SEED_DIR, WORK } from './paths.mjs';
import { syntheticEpisode } from './synth.mjs';

const YAML = rootRequire('yaml');
const { TextDocument } = rootRequire('vscode-languageserver-textdocument');

/** The list of inputs, and why any expected one is missing. */
export function collectInputs({ sizes }) {
  const inputs = [];
  const skipped = [];
  const seeds = exists(SEED_DIR) ? readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort() : [];
  if (seeds.length > 0) inputs.push({ name: 'seed', kind: 'seed', source: path.join(SEED_DIR, seeds[0]) });
  else skipped.push(`seed: no ${SEED_DIR}/*.txt (../shared is not beside this clone)`);
  const largest = path.join(CORPUS, LARGEST_REAL);
  if (exists(largest)) inputs.push({ name: 'largest real', kind: 'real', source: largest });
  else skipped.push(`largest real: ${largest} is absent (../shared/corpus is not beside this clone)`);
  for (const size of sizes) inputs.push({ name: `synthetic ${size.toLocaleString('en-US')}`, kind: 'synthetic', size });
  return { inputs: inputs.map(prepare), skipped };
}

function prepare(input) {
  const synthetic = input.kind === 'synthetic' ? syntheticEpisode(input.size) : undefined;
  const text = synthetic ? synthetic.text : readFileSync(input.source, 'utf8');
  const { findFrontMatter } = rootRequire(OUR_CORE);
  const fm = findFrontMatter(text);
  if (!fm || !fm.closed) throw new Error(`${input.name}: no closed front matter`);
  const yamlText = text.slice(fm.contentStart, fm.contentEnd);
  const slug = input.name.replace(/[^a-z0-9]+/gi, '-');
  // Files on disk only so that a run can be reproduced or profiled by hand; servers get the text over LSP.
  const mdPath = path.join(WORK, '_podcast', `${slug}.md`);
  const yamlPath = path.join(WORK, 'yaml', `${slug}.episode.yaml`);
  mkdirSync(path.dirname(mdPath), { recursive: true });
  mkdirSync(path.dirname(yamlPath), { recursive: true });
  writeFileSync(mdPath, text);
  writeFileSync(yamlPath, yamlText);
  const spots = locate(yamlText);
  const items = spots.items;
  const md = document(text, pathToFileURL(mdPath).href, 'markdown', spots, fm.contentStart);
  const yaml = document(yamlText, pathToFileURL(yamlPath).href, 'yaml', spots, 0);
  return { ...input, bytes: Buffer.byteLength(text), lines: md.lineCount, items, yamlText, yamlPath, md, yaml, planted: synthetic?.findings };
}

/**
 * The middle timed line item of the transcript: where a one-character edit goes (inside its `line`
 * value, past any opening quote), where the hover goes (its `line` key), and where a `sec` value can
 * be broken and mended (the end of its `sec` value). Offsets are in the YAML text.
 */
function locate(yamlText) {
  const doc = YAML.parseDocument(yamlText);
  const seq = doc.get('transcript', true);
  if (!YAML.isSeq(seq)) throw new Error('no transcript list');
  const timed = (node) => YAML.isMap(node) && YAML.isScalar(node.get('line', true)) && YAML.isScalar(node.get('sec', true));
  const middle = Math.floor(seq.items.length / 2);
  let index = middle;
  for (let d = 0; d < seq.items.length; d++) {
    if (timed(seq.items[middle + d])) { index = middle + d; break; }
    if (timed(seq.items[middle - d])) { index = middle - d; break; }
  }
  const item = seq.items[index];
  const linePair = item.items.find((p) => p.key.value === 'line');
  const lineValue = linePair.value;
  const quoted = lineValue.type === 'QUOTE_DOUBLE' || lineValue.type === 'QUOTE_SINGLE';
  const sec = item.get('sec', true);
  return {
    items: seq.items.length,
    itemIndex: index,
    edit: lineValue.range[0] + (quoted ? 2 : 1),
    hover: linePair.key.range[0] + 1,
    secEnd: sec.range[1],
  };
}

function document(text, uri, languageId, spots, base) {
  const doc = TextDocument.create(uri, languageId, 1, text);
  return {
    uri,
    languageId,
    text,
    lineCount: doc.lineCount,
    edit: doc.positionAt(base + spots.edit),
    hover: doc.positionAt(base + spots.hover),
    secEnd: doc.positionAt(base + spots.secEnd),
  };
}
