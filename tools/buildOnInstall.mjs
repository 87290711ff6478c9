// `npm install` / `npm ci` in a checkout builds out/ and dist/ (npm's `dependencies` script: it runs
// for this project only, never when the package is installed elsewhere, and never on `npm pack`,
// whose standard output pre-commit reads as the tarball's name). Without the dev dependencies
// (`--omit=dev`) there is no compiler: say so and leave the build as it is.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const missing = ['typescript', 'esbuild'].filter((name) => {
  try {
    require.resolve(`${name}/package.json`);
    return false;
  } catch {
    return true;
  }
});
if (missing.length > 0) {
  console.error(`podcast-transcripts: not built (${missing.join(' and ')} not installed: dev dependencies omitted); bin/ says so when run.`);
} else {
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exitCode = result.status ?? 1;
}
