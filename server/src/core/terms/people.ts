import { findFrontMatter } from '../parse/frontMatter';
import { parseMapPiece } from '../parse/itemUnits';

/** The full name a people file (`_people/<id>.md`) gives in its front matter's `title`, if any. */
export function personName(text: string): string | undefined {
  const frontMatter = findFrontMatter(text);
  if (!frontMatter?.closed) return undefined;
  // Nearly every people file is the plain shape the direct reader takes (parse/simpleYaml.ts): a site's
  // hundreds of them are read without the YAML parser (0.3 s of the CLI's run over the corpus). An
  // alias is not followed: its node is not a string.
  const title = parseMapPiece(text.slice(frontMatter.contentStart, frontMatter.contentEnd))?.map.get('title');
  return typeof title === 'string' && title.trim() !== '' ? title.replace(/\s+/g, ' ').trim() : undefined;
}

/** A people file's id: its file name without `.md` (what an episode's `guests:` names). */
export function personId(fileName: string): string | undefined {
  const match = /^(?!_)(.+)\.md$/i.exec(fileName);
  return match?.[1];
}
