import { findFrontMatter } from '../parse/frontMatter';

/**
 * Whether a file is a Jekyll template rather than an episode: its front matter holds Liquid
 * (`{{ season }}`, `{% if … %}`), which Jekyll's site generators fill in later. Such a file is not YAML
 * a checker can judge, so tools skip it (and count it) unless it is named on its own.
 */
export function isLiquidTemplate(text: string): boolean {
  const frontMatter = findFrontMatter(text);
  if (!frontMatter) return false;
  const yaml = text.slice(frontMatter.contentStart, frontMatter.contentEnd);
  return encloses(yaml, '{{', '}}') || encloses(yaml, '{%', '%}');
}

/** An `open` with a `close` somewhere after it (two searches: linear, whatever the text). */
function encloses(text: string, open: string, close: string): boolean {
  const start = text.indexOf(open);
  return start >= 0 && text.indexOf(close, start + open.length) >= 0;
}
