// Bundles the extension with esbuild: the desktop entries (Node) and the web entries (browser),
// each server from the same sources. Paths in dist/ are what package.json and other tools use.
// Minified, with source maps beside each bundle (.vscodeignore keeps them out of the .vsix) and
// esbuild's metafile as <bundle>.meta.json: what went into it (`npx esbuild --analyze` reads it,
// and test/unit/browserBundle.test.ts checks the browser client's inputs).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

// The dictionaries of name-spelling and term-spelling: server/src/node/termDictionaries.ts reads
// them from node_modules (the CLI); in the bundles, that module becomes their texts, so the
// .vsix needs no node_modules and the browser worker no file system.
const require = createRequire(import.meta.url);
function inlineDictionaries() {
  return {
    name: 'inline-term-dictionaries',
    setup(build) {
      build.onLoad({ filter: /[\\/]server[\\/]src[\\/]node[\\/]termDictionaries\.ts$/ }, async () => {
        const english = path.dirname(require.resolve('dictionary-en'));
        const source = fs.readFileSync(path.resolve('server/src/node/termDictionaries.ts'), 'utf8');
        // The lists as the module names them: one place says which files make which list.
        const lists = eval(`(${/TERM_LISTS[^=]*=\s*(\[[\s\S]*?\]);/.exec(source)[1]})`);
        const read = (file) => { const bytes = fs.readFileSync(file); return (file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8'); };
        const files = {
          english: { aff: read(path.join(english, 'index.aff')), dic: read(path.join(english, 'index.dic')) },
          lists: lists.map((list) => {
            const root = path.dirname(require.resolve(`${list.pkg}/cspell-ext.json`));
            return { name: list.name, text: list.files.map((file) => read(path.join(root, file))).join('\n') };
          }),
        };
        // JSON text inside a string: its line breaks stay escapes, so the minifier cannot turn the word
        // lists into a template literal of 57,000 lines (the bundle stays a few long lines).
        return { contents: `const FILES = JSON.parse(${JSON.stringify(JSON.stringify(files))});\nexport function readDictionaryFiles() { return FILES; }\n`, loader: 'js' };
      });
    },
  };
}

// ogg-opus-decoder loads its 4 MB machine-learning Opus decoder only when asked for speech enhancement,
// which the speech analysis never asks for: the bundles get an empty module in its place.
const noOpusMl = {
  name: 'no-opus-ml',
  setup(build) {
    build.onResolve({ filter: /^@wasm-audio-decoders\/opus-ml$/ }, () => ({ path: 'opus-ml', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export const OpusMLDecoder = undefined, OpusMLDecoderWebWorker = undefined;' }));
  },
};
const common = { bundle: true, minify: true, sourcemap: true, metafile: true, logLevel: 'warning', plugins: [noOpusMl, inlineDictionaries()] };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };
// As VS Code's own web extensions: no Node globals, the browser entries of dependencies first.
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  define: { 'process.env': '{}', 'process.platform': '"web"' },
};

const builds = [
  { ...node, entryPoints: ['client/src/extension.ts'], external: ['vscode'], outfile: 'dist/extension.js' },
  { ...node, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', external: ['@echogarden/fvad-wasm/fvad.wasm'] },
  { ...browser, format: 'cjs', entryPoints: ['client/src/browser/extension.ts'], external: ['vscode'], outfile: 'dist/browser/extension.js' },
  // fvad.wasm (20 KB) inlined as bytes: the worker has no file system to read it from (server/src/browser/inProcess.ts).
  { ...browser, format: 'iife', entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js', loader: { '.wasm': 'binary' } },
  // The player page's waveform lane (wavesurfer.js), loaded by the webview beside client/media/player.js.
  // With the core's PCM analysis and fvad.wasm inlined, for what only the page can decode (M4A/AAC: client/webview/pageDecode.ts).
  { ...browser, format: 'iife', entryPoints: ['client/webview/waveform.ts'], outfile: 'dist/media/waveform.js', loader: { '.wasm': 'binary' } },
];

await Promise.all(builds.map(async (options) => {
  const result = await esbuild.build(options);
  fs.writeFileSync(options.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
}));

// WebRTC's voice activity detector: the server reads its .wasm from beside dist/server.js (server/src/node/audio.ts).
fs.copyFileSync('node_modules/@echogarden/fvad-wasm/fvad.wasm', 'dist/fvad.wasm');
