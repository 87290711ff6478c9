import { parseDocument } from 'yaml';
import { findFrontMatter } from '../parse/frontMatter';

/** The full name a people file (`_people/<id>.md`) gives in its front matter's `title`, if any. */
export function personName(text: string): string | undefined {
  const frontMatter = findFrontMatter(text);
  if (!frontMatter?.closed) return undefined;
  const doc = parseDocument(text.slice(frontMatter.contentStart, frontMatter.contentEnd), { prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const title = (doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown> | null)?.title;
  return typeof title === 'string' && title.trim() !== '' ? title.replace(/\s+/g, ' ').trim() : undefined;
}

/** A people file's id: its file name without `.md` (what an episode's `guests:` names). */
export function personId(fileName: string): string | undefined {
  const match = /^(?!_)(.+)\.md$/i.exec(fileName);
  return match?.[1];
}
