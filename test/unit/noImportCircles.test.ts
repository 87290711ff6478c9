import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';

/**
 * Issue 26: no import circles in server/src and client/src, type-only imports included, as
 * `npx madge --circular --extensions ts --ts-config tsconfig.json server/src client/src` reads them.
 * madge ships no types: the little of its API used here is typed by hand.
 */
interface MadgeResult {
  circular(): string[][];
  obj(): Record<string, string[]>;
}
type Madge = (paths: string[], config: { baseDir?: string; fileExtensions: string[]; tsConfig?: string }) => Promise<MadgeResult>;
const madge = require('madge') as Madge;

async function circlesUnder(baseDir: string, dirs: string[], tsConfig?: string): Promise<string[][]> {
  const result = await madge(dirs.map((dir) => path.join(baseDir, dir)), { baseDir, fileExtensions: ['ts'], tsConfig });
  return result.circular();
}

test('no import circles in server/src and client/src (type-only imports included)', async () => {
  const circles = await circlesUnder(ROOT, ['server/src', 'client/src'], path.join(ROOT, 'tsconfig.json'));
  assert.deepEqual(circles.map((circle) => circle.join(' → ')), [], `import circles:\n${circles.map((c) => `  ${c.join(' → ')} → ${c[0]}`).join('\n')}`);
});

test('the check sees a circle made of a type-only import', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'import-circle-'));
  try {
    writeFileSync(path.join(dir, 'model.ts'), "import type { Reader } from './reader';\nexport interface Model { read: Reader }\n");
    writeFileSync(path.join(dir, 'reader.ts'), "import { Model } from './model';\nexport type Reader = (text: string) => Model;\n");
    writeFileSync(path.join(dir, 'alone.ts'), "export const alone = 1;\n");
    assert.deepEqual(await circlesUnder(dir, ['.']), [['model.ts', 'reader.ts']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
