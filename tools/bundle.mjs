// Bundles the extension with esbuild: the desktop entries (Node) and the web entries (browser),
// each server from the same sources. Paths in dist/ are what package.json and other tools use.
// Minified, with source maps beside each bundle (.vscodeignore keeps them out of the .vsix) and
// esbuild's metafile as <bundle>.meta.json: what went into it (`npx esbuild --analyze` reads it,
// and test/unit/browserBundle.test.ts checks the browser client's inputs).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

// ogg-opus-decoder loads its 4 MB machine-learning Opus decoder only when asked for speech enhancement,
// which the speech analysis never asks for: the bundles get an empty module in its place.
const noOpusMl = {
  name: 'no-opus-ml',
  setup(build) {
    build.onResolve({ filter: /^@wasm-audio-decoders\/opus-ml$/ }, () => ({ path: 'opus-ml', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export const OpusMLDecoder = undefined, OpusMLDecoderWebWorker = undefined;' }));
  },
};
const common = { bundle: true, minify: true, sourcemap: true, metafile: true, logLevel: 'warning', plugins: [noOpusMl] };
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
  { ...browser, format: 'iife', entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js' },
  // The player page's waveform lane (wavesurfer.js), loaded by the webview beside client/media/player.js.
  { ...browser, format: 'iife', entryPoints: ['client/webview/waveform.ts'], outfile: 'dist/media/waveform.js' },
];

await Promise.all(builds.map(async (options) => {
  const result = await esbuild.build(options);
  fs.writeFileSync(options.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
}));

// WebRTC's voice activity detector: the server reads its .wasm from beside dist/server.js (server/src/node/audio.ts).
fs.copyFileSync('node_modules/@echogarden/fvad-wasm/fvad.wasm', 'dist/fvad.wasm');
