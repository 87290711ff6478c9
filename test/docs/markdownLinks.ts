// Reading Markdown pages for their links and headings, as GitHub renders them, so a test can say which
// relative link or image of the README and docs/ points at nothing.

/** A link or image of a page: its target as written and the 1-based line it is on. */
export interface PageLink {
  target: string;
  line: number;
  image: boolean;
}

/** The page's text without fenced code blocks and inline code, line numbers kept: links there are examples. */
function proseOnly(text: string): string[] {
  let fence: string | undefined;
  return text.split('\n').map((line) => {
    const opener = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (fence) {
      if (opener && opener.startsWith(fence)) fence = undefined;
      return '';
    }
    if (opener) {
      fence = opener;
      return '';
    }
    return line.replace(/`[^`]*`/g, '``');
  });
}

/** Every `[text](target)` and `![alt](target)` of the page, outside code. */
export function pageLinks(text: string): PageLink[] {
  const links: PageLink[] = [];
  proseOnly(text).forEach((line, index) => {
    for (const match of line.matchAll(/(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ target: match[2], line: index + 1, image: match[1] === '!' });
    }
  });
  return links;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces as hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a page offers: one per heading (a repeated one gets -1, -2, … as on GitHub). */
export function pageAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseOnlyKeepingHeadings(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Lines outside fenced code, with inline code left as it is (headings keep their code spans' text). */
function proseOnlyKeepingHeadings(text: string): string[] {
  const prose = proseOnly(text);
  return text.split('\n').map((line, index) => (prose[index] === '' && line !== '' ? '' : line));
}
