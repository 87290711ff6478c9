import { ruleSetting } from './core';
import type { TranscriptConfig } from './core';
import { buildDictionaries, buildDictionariesInSteps, Dictionaries, DictionaryFiles } from './core/terms/dictionaries';
import { personId, personName } from './core/terms/people';
import { SiteTerms, TERMS_LOADING, TermsInput } from './core/terms/sources';
import type { ServerHost } from './host';
import { basenameUri, uriKey } from './uri';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * name-spelling and term-spelling in the server: what the site knows, for each open document.
 * The people folder is read through the host (`../_people` from the episode's folder, or the
 * `peopleFolder` setting), the other episodes' spellings come from the workspace index (kept up
 * to date file by file), the dictionaries are built once. A document keeps the same TermsInput
 * object until any of that changes, so a keystroke re-checks only the item it changed.
 */
export const DEFAULT_PEOPLE_FOLDER = '../_people';
const NO_PEOPLE = new Map<string, string>();

export class SiteTermsProvider {
  private dictionaries?: Dictionaries;
  private loadingDictionaries?: Promise<Dictionaries>;
  private readonly people = new Map<string, Promise<Map<string, string>>>();
  /** The people folders read so far, by URI. */
  private readonly peopleRead = new Map<string, Map<string, string>>();
  private counts?: { version: number; map: Map<string, number> };
  private readonly inputs = new Map<string, { key: string; counts: Map<string, number>; own?: ReadonlySet<string>; people: Map<string, string>; input: TermsInput }>();
  private readonly sites = new Map<string, SiteTerms>();

  constructor(
    private readonly host: ServerHost,
    private readonly index: WorkspaceIndex,
    private readonly dictionaryFiles: () => DictionaryFiles,
    /** Between two slices of the dictionaries' build: lets the server answer what came in meanwhile. */
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => host.later(resolve)),
  ) {}

  /** The dictionaries now: built at once if they are not yet (the workspace check, which waits anyway). */
  loaded(): Dictionaries {
    return (this.dictionaries ??= buildDictionaries(this.dictionaryFiles()));
  }

  /** The dictionaries, built a slice at a time the first time (the English list takes a moment). */
  whenLoaded(): Promise<Dictionaries> {
    if (this.dictionaries) return Promise.resolve(this.dictionaries);
    return (this.loadingDictionaries ??= buildDictionariesInSteps(this.dictionaryFiles(), this.pause).then((built) => (this.dictionaries ??= built)));
  }

  /** Reads what the document's site needs (dictionaries, people files); then `current` answers with them. */
  async prepare(uri: string, config: TranscriptConfig): Promise<TermsInput | undefined> {
    await this.update(uri, config)?.();
    return this.inputs.get(uri)?.input;
  }

  /**
   * Brings the document's terms up to date with what is loaded. When something must be loaded
   * first (the dictionaries, a people folder read for the first time), returns the function that
   * loads it, whose promise settles once the document's terms are current. Until then the document
   * keeps its terms (TERMS_LOADING before its first), so its check need not wait.
   */
  update(uri: string, config: TranscriptConfig): (() => Promise<void>) | undefined {
    if (ruleSetting(config, 'name-spelling') === 'off' && ruleSetting(config, 'term-spelling') === 'off') {
      this.inputs.delete(uri);
      return undefined;
    }
    const peopleUri = folderUri(uri, config.peopleFolder ?? DEFAULT_PEOPLE_FOLDER);
    const people = peopleUri ? this.peopleRead.get(peopleUri) : NO_PEOPLE;
    const dictionaries = this.dictionaries;
    if (!dictionaries || !people) return () => this.load(peopleUri).then(() => this.update(uri, config)?.());
    const counts = this.episodeCounts();
    const own = this.index.episodes().find((entry) => entry.key === uriKey(uri))?.spellings;
    const words = config.words ?? [];
    const key = `${peopleUri}\n${words.join('\n')}`;
    const known = this.inputs.get(uri);
    if (known && known.key === key && known.counts === counts && known.own === own && known.people === people) return undefined;
    const siteKey = `${key}\n${this.counts?.version}`;
    let site = this.sites.get(siteKey);
    if (!site) {
      site = { people, episodeCounts: counts, words, english: dictionaries.english, lists: dictionaries.lists };
      this.sites.clear();
      this.sites.set(siteKey, site);
    }
    this.inputs.set(uri, { key, counts, own, people, input: { site, own } });
    return undefined;
  }

  private async load(peopleUri: string | undefined): Promise<void> {
    await this.whenLoaded();
    if (peopleUri && !this.peopleRead.has(peopleUri)) this.peopleRead.set(peopleUri, await this.peopleIn(peopleUri));
  }

  /** The document's terms; TERMS_LOADING until they were first loaded. */
  current(uri: string): TermsInput {
    return this.inputs.get(uri)?.input ?? TERMS_LOADING;
  }

  forget(uri: string): void {
    this.inputs.delete(uri);
  }

  /** People files may have changed (watched files): read them again on next use. */
  clear(): void {
    this.people.clear();
    this.peopleRead.clear();
  }

  /** Each spelling of the indexed episodes with the number of episodes using it; recounted when the index changed. */
  private episodeCounts(): Map<string, number> {
    if (this.counts?.version === this.index.version) return this.counts.map;
    const map = new Map<string, number>();
    for (const entry of this.index.episodes()) for (const spelling of entry.spellings ?? []) map.set(spelling, (map.get(spelling) ?? 0) + 1);
    this.counts = { version: this.index.version, map };
    return map;
  }

  private peopleIn(folder: string): Promise<Map<string, string>> {
    let people = this.people.get(folder);
    if (!people) {
      people = this.readPeople(folder);
      this.people.set(folder, people);
    }
    return people;
  }

  private async readPeople(folder: string): Promise<Map<string, string>> {
    const people = new Map<string, string>();
    for (const uri of (await this.host.findMarkdownFiles([folder])).sort()) {
      const id = personId(basenameUri(uri));
      const text = id && (await this.host.readFile(uri));
      const fullName = text && personName(text);
      if (id && fullName) people.set(id, fullName);
    }
    return people;
  }
}

/** A folder relative to the document's folder, as a URI; undefined for a document without a folder (untitled:). */
function folderUri(documentUri: string, relative: string): string | undefined {
  try {
    return new URL(`${relative.split('/').map(encodeURIComponent).join('/')}/`, documentUri).href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}
