import { parseDocument, Schema } from 'yaml';
import { findFrontMatter } from '../parse/frontMatter';
import { readSimpleMap } from '../parse/simpleYaml';

/** parseDocument's own schema: the direct reader resolves values as the parser would with it. */
const SCHEMA = new Schema({ resolveKnownTags: true, schema: 'core' });

/** The full name a people file (`_people/<id>.md`) gives in its front matter's `title`, if any. */
export function personName(text: string): string | undefined {
  const frontMatter = findFrontMatter(text);
  if (!frontMatter?.closed) return undefined;
  const yaml = text.slice(frontMatter.contentStart, frontMatter.contentEnd);
  // Nearly every people file is the plain shape the direct reader takes (parse/simpleYaml.ts): a site's
  // hundreds of them are read without the YAML parser (0.3 s of the CLI's run over the corpus).
  const simple = readSimpleMap(yaml, SCHEMA);
  const title = simple ? simple.get('title') : parsedTitle(yaml);
  return typeof title === 'string' && title.trim() !== '' ? title.replace(/\s+/g, ' ').trim() : undefined;
}

function parsedTitle(yaml: string): unknown {
  const doc = parseDocument(yaml, { prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  return (doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown> | null)?.title;
}

/** A people file's id: its file name without `.md` (what an episode's `guests:` names). */
export function personId(fileName: string): string | undefined {
  const match = /^(?!_)(.+)\.md$/i.exec(fileName);
  return match?.[1];
}
