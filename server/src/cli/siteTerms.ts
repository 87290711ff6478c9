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
 *
 * Two passes, so that nothing is parsed twice and little is kept between them: the files given are
 * checked first with every other rule (`offer` counts each one's spellings from the model made for
 * that check), then the folder's other episodes are read and counted (`forFile`), and only then are
 * these two rules run, on the models kept for them.
 */

export const DEFAULT_PEOPLE_FOLDER = '../_people';

let dictionaries: Dictionaries | undefined;

function loadDictionaries(): Dictionaries {
  return (dictionaries ??= buildDictionaries(readDictionaryFiles()));
}

/** Whether name-spelling or term-spelling is on for a file (else the site is not read for it). */
export function checksSpelling(config: TranscriptConfig): boolean {
  return ruleSetting(config, 'name-spelling') !== 'off' || ruleSetting(config, 'term-spelling') !== 'off';
}

/** A folder whose episodes are counted: with the front matter limit of its first file given, as the check of that file reads it. */
interface CountedFolder {
  frontMatterKB?: number;
  /** Each episode's spellings counted in the first pass (null: not an episode), by absolute path. */
  offered: Map<string, ReadonlySet<string> | null>;
  counts?: Promise<Folder>;
}

interface Folder {
  counts: Map<string, number>;
  spellings: Map<string, ReadonlySet<string>>;
}

/**
 * The text (in characters) of the episodes whose models are kept for their check of these rules:
 * a model takes tens of times its text in memory, so a larger site's later episodes are parsed again.
 */
const KEPT_TEXT_LIMIT = 16 * 1024 * 1024;

export class SiteTermsResolver {
  private readonly folders = new Map<string, CountedFolder>();
  private readonly people = new Map<string, Promise<Map<string, string>>>();
  private readonly sites = new Map<string, SiteTerms>();
  private keptText = 0;

  /** The files to check, with their configs: each folder holding one with these rules on is counted (without them: each folder a file is asked for). */
  constructor(files: readonly string[] = [], configs: readonly TranscriptConfig[] = []) {
    files.forEach((file, i) => {
      if (checksSpelling(configs[i])) this.folderOf(file, configs[i]);
    });
  }

  /**
   * A file checked in the first pass: its spellings counted from `model` when its folder is counted
   * and the folder's own reading would give the same (`asRead`: the text is what reading the file
   * as UTF-8 gives, no byte-order mark, no invalid byte; parsed with the folder's limit). Returns
   * whether the model is to be kept for its check of these rules (its lines' words are kept with it).
   */
  offer(file: string, text: string, model: EpisodeModel, config: TranscriptConfig, asRead: boolean): boolean {
    const folder = this.folders.get(path.dirname(file));
    if (!folder) return false;
    const keep = checksSpelling(config) && (this.keptText += text.length) <= KEPT_TEXT_LIMIT;
    if (asRead && isEpisodeFileName(path.basename(file)) && config.frontMatterKB === folder.frontMatterKB) {
      folder.offered.set(path.resolve(file), model.isEpisode ? episodeSpellings(model, loadDictionaries().english, keep) : null);
    }
    return keep;
  }

  /** The terms for one file, or undefined when both rules are off; the first asking for a folder counts the episodes not offered. */
  async forFile(file: string, config: TranscriptConfig): Promise<TermsInput | undefined> {
    if (!checksSpelling(config)) return undefined;
    const dir = path.dirname(file);
    const dicts = loadDictionaries();
    const folder = this.folderOf(file, config);
    const counted = await (folder.counts ??= countFolder(dir, dicts, folder));
    const peopleDir = path.resolve(dir, config.peopleFolder ?? DEFAULT_PEOPLE_FOLDER);
    const siteKey = `${dir}\n${peopleDir}\n${(config.words ?? []).join('\n')}`;
    const people = await this.peopleIn(peopleDir);
    // Looked up after the last await: files checked at once share one site (and its index).
    let site = this.sites.get(siteKey);
    if (!site) {
      site = { people, episodeCounts: counted.counts, words: config.words ?? [], english: dicts.english, lists: dicts.lists };
      this.sites.set(siteKey, site);
    }
    return { site, own: counted.spellings.get(path.resolve(file)) };
  }

  private folderOf(file: string, config: TranscriptConfig): CountedFolder {
    const dir = path.dirname(file);
    let folder = this.folders.get(dir);
    if (!folder) this.folders.set(dir, (folder = { frontMatterKB: config.frontMatterKB, offered: new Map() }));
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

function isEpisodeFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

/**
 * Every episode of a folder, in the order of their names (the order the site's index takes its
 * terms in): the ones offered as counted, the others read and parsed for their words only.
 */
async function countFolder(dir: string, dicts: Dictionaries, folder: CountedFolder): Promise<Folder> {
  const counted: Folder = { counts: new Map(), spellings: new Map() };
  const names = (await fs.promises.readdir(dir).catch(() => [] as string[])).filter(isEpisodeFileName).sort();
  for (const name of names) {
    const file = path.resolve(dir, name);
    const spellings = folder.offered.has(file) ? folder.offered.get(file) : await readSpellings(file, dicts, folder.frontMatterKB);
    if (!spellings) continue;
    counted.spellings.set(file, spellings);
    for (const spelling of spellings) counted.counts.set(spelling, (counted.counts.get(spelling) ?? 0) + 1);
  }
  folder.offered.clear();
  return counted;
}

async function readSpellings(file: string, dicts: Dictionaries, frontMatterKB: number | undefined): Promise<ReadonlySet<string> | undefined> {
  const text = await fs.promises.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const model = parseEpisode(text, pathToFileURL(file).href, { maxFrontMatterKB: frontMatterKB });
  return model.isEpisode ? episodeSpellings(model, dicts.english) : undefined;
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
