import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEpisode, ruleSetting } from '../core';
import type { EpisodeModel, TranscriptConfig } from '../core';
import { buildDictionaries, Dictionaries } from '../core/terms/dictionaries';
import { personId, personName } from '../core/terms/people';
import { episodeSpellings, SiteTerms, TermsInput } from '../core/terms/sources';
import { readDictionaryFiles } from '../node/termDictionaries';

/**
 * name-spelling and term-spelling on the command line: the site around the files given, so
 * `transcript-lint _podcast/one.md` knows what the site knows — the people folder (`../_people`
 * from the episodes' folder, or the config's `peopleFolder`), every episode in the same folder
 * (given or not), the config's `words`, and the dictionaries (read once).
 */

export const DEFAULT_PEOPLE_FOLDER = '../_people';

let dictionaries: Dictionaries | undefined;

function loadDictionaries(): Dictionaries {
  return (dictionaries ??= buildDictionaries(readDictionaryFiles()));
}

interface Folder {
  counts: Map<string, number>;
  spellings: Map<string, Set<string>>;
  /** Each episode as read and parsed for the counts, until the check takes it (one parse per file, not two). */
  parsed: Map<string, Parsed>;
}

/** A file's text and its model, parsed with this front matter limit. */
export interface Parsed {
  text: string;
  model: EpisodeModel;
  frontMatterKB?: number;
}

export class SiteTermsResolver {
  private readonly folders = new Map<string, Promise<Folder>>();
  private readonly people = new Map<string, Promise<Map<string, string>>>();
  private readonly sites = new Map<string, SiteTerms>();

  /** The terms for one file, or undefined when both rules are off. */
  async forFile(file: string, config: TranscriptConfig): Promise<TermsInput | undefined> {
    if (ruleSetting(config, 'name-spelling') === 'off' && ruleSetting(config, 'term-spelling') === 'off') return undefined;
    const dir = path.dirname(file);
    const dicts = loadDictionaries();
    const folder = await this.folder(dir, dicts, config.frontMatterKB);
    const peopleDir = path.resolve(dir, config.peopleFolder ?? DEFAULT_PEOPLE_FOLDER);
    const siteKey = `${dir}\n${peopleDir}\n${(config.words ?? []).join('\n')}`;
    const people = await this.peopleIn(peopleDir);
    // Looked up after the last await: files checked at once share one site (and its index).
    let site = this.sites.get(siteKey);
    if (!site) {
      site = { people, episodeCounts: folder.counts, words: config.words ?? [], english: dicts.english, lists: dicts.lists };
      this.sites.set(siteKey, site);
    }
    return { site, own: folder.spellings.get(path.resolve(file)) };
  }

  /**
   * The model the counts were made from, if the file still holds that text and is checked with the
   * same front matter limit; handed out once (the check is its last use).
   */
  async takeParsed(file: string, text: string, frontMatterKB: number | undefined): Promise<EpisodeModel | undefined> {
    const folder = await this.folders.get(path.dirname(file));
    const parsed = folder?.parsed.get(path.resolve(file));
    folder?.parsed.delete(path.resolve(file));
    return parsed && parsed.text === text && parsed.frontMatterKB === frontMatterKB ? parsed.model : undefined;
  }

  /** Read once per folder, however many files ask at once. */
  private folder(dir: string, dicts: Dictionaries, frontMatterKB: number | undefined): Promise<Folder> {
    let folder = this.folders.get(dir);
    if (!folder) {
      folder = readFolder(dir, dicts, frontMatterKB);
      this.folders.set(dir, folder);
    }
    return folder;
  }

  private peopleIn(dir: string): Promise<Map<string, string>> {
    let people = this.people.get(dir);
    if (!people) {
      people = readPeople(dir);
      this.people.set(dir, people);
    }
    return people;
  }
}

/**
 * The text (in characters) of the parsed episodes a folder keeps for their check: a model takes
 * tens of times its text in memory, so a large site's later episodes are parsed again instead.
 */
const KEPT_TEXT_LIMIT = 16 * 1024 * 1024;

async function readFolder(dir: string, dicts: Dictionaries, frontMatterKB: number | undefined): Promise<Folder> {
  const folder: Folder = { counts: new Map(), spellings: new Map(), parsed: new Map() };
  let kept = 0;
  const names = (await fs.promises.readdir(dir).catch(() => [] as string[])).filter((name) => name.toLowerCase().endsWith('.md')).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await fs.promises.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const model = parseEpisode(text, pathToFileURL(file).href, { maxFrontMatterKB: frontMatterKB });
    if (!model.isEpisode) continue;
    const keep = (kept += text.length) <= KEPT_TEXT_LIMIT;
    if (keep) folder.parsed.set(path.resolve(file), { text, model, frontMatterKB });
    // A kept model keeps its lines' words too: its check reads them from there.
    const spellings = episodeSpellings(model, dicts.english, keep);
    folder.spellings.set(path.resolve(file), spellings);
    for (const spelling of spellings) folder.counts.set(spelling, (folder.counts.get(spelling) ?? 0) + 1);
  }
  return folder;
}

async function readPeople(dir: string): Promise<Map<string, string>> {
  const people = new Map<string, string>();
  for (const name of (await fs.promises.readdir(dir).catch(() => [] as string[])).sort()) {
    const id = personId(name);
    const text = id && (await fs.promises.readFile(path.join(dir, name), 'utf8').catch(() => undefined));
    const fullName = text && personName(text);
    if (id && fullName) people.set(id, fullName);
  }
  return people;
}
