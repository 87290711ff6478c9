// Bundles the extension with esbuild: the desktop entries (Node) and the web entries (browser),
// each server from the same sources. Paths in dist/ are what package.json and other tools use.
import * as esbuild from 'esbuild';

const common = { bundle: true, sourcemap: true, logLevel: 'warning' };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };
// As VS Code's own web extensions: no Node globals, the browser entries of dependencies first.
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  define: { 'process.env': '{}', 'process.platform': '"web"' },
};

await Promise.all([
  esbuild.build({ ...node, entryPoints: ['client/src/extension.ts'], external: ['vscode'], outfile: 'dist/extension.js' }),
  esbuild.build({ ...node, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...browser, format: 'cjs', entryPoints: ['client/src/browser/extension.ts'], external: ['vscode'], outfile: 'dist/browser/extension.js' }),
  esbuild.build({ ...browser, format: 'iife', entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js' }),
]);
