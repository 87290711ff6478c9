'use strict';
// The commands run the TypeScript compiled to out/: `npm install` in a checkout builds it (the
// `dependencies` script), the npm package ships it. A checkout installed without its dev
// dependencies has no compiler, so says how to build instead of failing with a stack trace.
const fs = require('node:fs');
const path = require('node:path');

/** Runs out/<file> as the command `name`, or explains why it cannot. */
exports.runCompiled = function runCompiled(name, file) {
  const compiled = path.join(__dirname, '..', 'out', file);
  if (!fs.existsSync(compiled)) {
    process.stderr.write(`${name}: not built (${path.relative(process.cwd(), compiled) || compiled} is missing). ` +
      `In a checkout of podcast-transcripts run \`npm install\` (with its dev dependencies), or \`npm run build\`.\n`);
    process.exitCode = 2;
    return;
  }
  require(compiled);
};
