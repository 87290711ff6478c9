import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';
import { headingSlug, pageAnchors, pageLinks } from './markdownLinks';

/** README.md and every Markdown page under docs/, as paths from the repository root. */
function documentationPages(): string[] {
  const pages = ['README.md'];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.md')) pages.push(relative);
    }
  };
  walk('docs');
  return pages.sort();
}

/** Why a relative link of `page` does not resolve, or undefined when it does (a file, a folder, a heading). */
function brokenBecause(page: string, target: string): string | undefined {
  const [file, anchor] = target.split('#', 2) as [string, string | undefined];
  const resolved = file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(file)));
  if (resolved.startsWith('..')) return `${resolved} is outside the repository`;
  const absolute = path.join(ROOT, resolved);
  if (!fs.existsSync(absolute)) return `${resolved} does not exist`;
  if (anchor === undefined || anchor === '') return undefined;
  if (!resolved.endsWith('.md')) return `an anchor into ${resolved}, which is not a Markdown page`;
  const anchors = pageAnchors(fs.readFileSync(absolute, 'utf8'));
  return anchors.has(anchor) ? undefined : `${resolved} has no heading #${anchor}`;
}

test('every relative link and image in README.md and docs/ resolves (files, folders and #headings)', () => {
  const pages = documentationPages();
  assert.ok(pages.includes('docs/README.md') && pages.includes('docs/rules/yaml-syntax.md'), pages.join(' '));
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    for (const link of pageLinks(fs.readFileSync(path.join(ROOT, page), 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) continue; // https:, mailto: — not ours to check offline
      checked++;
      const why = brokenBecause(page, link.target);
      if (why) broken.push(`${page}:${link.line}: ${link.image ? 'image' : 'link'} ${link.target}: ${why}`);
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(checked > 100, `only ${checked} relative links found: is the link reader still reading them?`);
});

test('the README stays a page: at most 400 lines, and it links to the documentation index', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.split('\n').length <= 400, `README.md has ${readme.split('\n').length} lines`);
  assert.ok(pageLinks(readme).some((link) => link.target === 'docs/README.md'));
});

test('the link reader: links and images outside code, GitHub\'s heading anchors', () => {
  const page = '# Broken YAML: the error stays local\n\n## Rename a speaker (`F2`)\n\n## Packaging the .vsix\n\n## Packaging the .vsix\n\n' +
    "See [the rule](rules/x.md#why) and ![shot](images/a.png \"title\").\n\n```md\n[not a link](nowhere.md)\n```\n\n`[nor this](x.md)`\n";
  assert.deepEqual(pageLinks(page), [
    { target: 'rules/x.md#why', line: 9, image: false },
    { target: 'images/a.png', line: 9, image: true },
  ]);
  assert.deepEqual([...pageAnchors(page)], ['broken-yaml-the-error-stays-local', 'rename-a-speaker-f2', 'packaging-the-vsix', 'packaging-the-vsix-1']);
  assert.equal(headingSlug("Where a chapter goes (the site's inserter, exactly)"), 'where-a-chapter-goes-the-sites-inserter-exactly');
});
