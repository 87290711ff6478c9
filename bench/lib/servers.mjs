// The servers under test, and the check that yaml-language-server really validates with our schema.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { LspServer } from './lsp.mjs';
import { NODE24, OUR_SERVER, SCHEMA, WORK, YAML_LS } from './paths.mjs';

/** What yaml-language-server is told (answers to its workspace/configuration requests). */
function yamlSettings() {
  return {
    yaml: {
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
      // No network: the schema store catalogue is never fetched.
      schemaStore: { enable: false },
      schemas: { [pathToFileURL(SCHEMA).href]: ['*.episode.yaml'] },
    },
    http: {},
    '[yaml]': null,
    editor: null,
  };
}

export function ourServer(node = process.execPath, name = 'ours') {
  return {
    name,
    node,
    args: [OUR_SERVER, '--stdio'],
    settings: { transcripts: {} },
    versioned: true,
    doc: 'md',
  };
}

export function yamlLanguageServer() {
  return {
    name: 'yaml-language-server',
    node: NODE24,
    args: [YAML_LS, '--stdio'],
    settings: yamlSettings(),
    versioned: false,
    doc: 'yaml',
    rootUri: pathToFileURL(WORK).href,
    // It pulls its settings once after `initialized`; open only after that has been answered.
    configRequestsBeforeOpen: 1,
  };
}

// A small made-up front matter with one deliberate schema error per line that says so.
const BAD = [
  'title: Made-up episode',
  'season: two', // integer expected
  'ids:',
  '  youtube: tooShort', // pattern
  'transcript:',
  '- header: Opening',
  '- line: Hello there.',
  '  sec: -4', // minimum 0
  "  time: '1:7'", // pattern
  '  who: Ada',
  '- line: Again.',
  '  sec: 12',
  '  speaker: Bo', // additionalProperties false
  '',
].join('\n');
const EXPECTED_LINES = [1, 3, 7, 8, 12];

/**
 * Opens a deliberately bad front matter in yaml-language-server and checks that it reports a schema
 * error on each bad line and nowhere else: its timings count only when this holds.
 */
export async function verifyYamlLanguageServer() {
  const server = yamlLanguageServer();
  const s = new LspServer(server);
  try {
    await s.initialize(server.rootUri);
    await s.settle(300, 1);
    const uri = pathToFileURL(path.join(WORK, 'yaml', 'schema-check.episode.yaml')).href;
    s.open(uri, 'yaml', BAD, 1);
    const published = await s.diagnostics(uri, 0, () => true, 30_000);
    const lines = [...new Set(published.diagnostics.map((d) => d.range.start.line))].sort((a, b) => a - b);
    const ok = JSON.stringify(lines) === JSON.stringify(EXPECTED_LINES);
    return {
      ok,
      expectedLines: EXPECTED_LINES,
      reportedLines: lines,
      messages: published.diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`),
      version: s.initializeResult?.serverInfo?.version,
    };
  } finally {
    await s.stop();
  }
}
