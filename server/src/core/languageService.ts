import { analyze } from './rules';
import { parseEpisode } from './parse/parseEpisode';
import type { EpisodeModel } from './model';
import { TextChange, updateEpisode } from './parse/updateEpisode';
import { DEFAULT_FRONT_MATTER_KB } from './limits';
import { documentSymbols, EpisodeSymbol } from './features/symbols';
import { foldingSpans } from './features/folding';
import { documentLinks, EpisodeLink } from './features/links';
import { hoverAt, videoAt, EpisodeHover } from './features/hover';
import { fixAllAction, quickFixes, EpisodeCodeAction } from './features/codeActions';
import { semanticTokens, EpisodeToken } from './features/semanticTokens';
import { DEFAULT_CONFIG, Finding, Span, TranscriptConfig } from './types';
import { shiftTimes, ShiftOutcome } from './features/shiftTimes';
import type { ShiftAmount } from './features/shiftInput';
import { prepareRename, renameSpeaker } from './features/rename';
import { completions, EpisodeCompletion } from './features/completion';
import { codeLenses, EpisodeCodeLens } from './features/codeLens';
import { statusAt, EpisodeStatus } from './features/status';
import { copyFingerprint, CopyFingerprint } from './workspace/transcriptCopy';
import type { TermsInput } from './terms/sources';

/** What the service needs of a document: the shape of `TextDocument` from vscode-languageserver-textdocument. */
export interface DocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /** When present (a TextDocument), its line index is used for line numbers in messages. */
  positionAt?(offset: number): { line: number; character: number };
}

/** Above this many changes between two analyses, one full parse is cheaper than replaying them. */
const MAX_REPLAYED_CHANGES = 64;

interface Entry {
  version: number;
  /** Changes received since `version`, for the incremental update. */
  pending?: { version: number; changes: TextChange[] | 'full' };
  model: EpisodeModel;
  findings?: { config: TranscriptConfig; terms?: TermsInput; list: Finding[] };
  symbols?: EpisodeSymbol[];
  folding?: Span[];
  links?: EpisodeLink[];
  codeLenses?: EpisodeCodeLens[];
  fingerprint?: { value: CopyFingerprint | undefined };
}

/**
 * The language service: parses each document version once and computes every feature lazily
 * from that one model (like VS Code's CSS language-model cache). Knows nothing of the connection.
 */
export class TranscriptLanguageService {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly configFor: (uri: string) => TranscriptConfig = () => DEFAULT_CONFIG,
    /** The site's names and terms for a document (name-spelling, term-spelling), when the host has them. */
    private readonly termsFor: (uri: string) => TermsInput | undefined = () => undefined,
  ) {}

  model(doc: DocumentLike): EpisodeModel {
    return this.entry(doc).model;
  }

  findings(doc: DocumentLike): Finding[] {
    const entry = this.entry(doc);
    const config = this.configFor(doc.uri);
    const terms = this.termsFor(doc.uri);
    if (entry.findings?.config !== config || entry.findings.terms !== terms) {
      const lineOf = doc.positionAt ? (offset: number) => doc.positionAt!(offset).line + 1 : undefined;
      entry.findings = { config, terms, list: analyze(entry.model, config, { lineOf, terms }) };
    }
    return entry.findings.list;
  }

  symbols(doc: DocumentLike): EpisodeSymbol[] {
    const entry = this.entry(doc);
    return (entry.symbols ??= entry.model.isEpisode ? documentSymbols(entry.model) : []);
  }

  folding(doc: DocumentLike): Span[] {
    const entry = this.entry(doc);
    return (entry.folding ??= entry.model.isEpisode ? foldingSpans(entry.model) : []);
  }

  links(doc: DocumentLike): EpisodeLink[] {
    const entry = this.entry(doc);
    return (entry.links ??= entry.model.isEpisode ? documentLinks(entry.model) : []);
  }

  tokens(doc: DocumentLike): EpisodeToken[] {
    return semanticTokens(this.findings(doc));
  }

  hover(doc: DocumentLike, offset: number): EpisodeHover | undefined {
    return hoverAt(this.model(doc), offset);
  }

  videoAt(doc: DocumentLike, offset: number): { url: string; sec: number } | undefined {
    const model = this.model(doc);
    return model.isEpisode ? videoAt(model, offset) : undefined;
  }

  codeActions(doc: DocumentLike, span: Span, kinds: { quickfix: boolean; fixAll: boolean }): EpisodeCodeAction[] {
    const findings = this.findings(doc);
    const actions = kinds.quickfix ? quickFixes(findings, span) : [];
    const fixAll = kinds.fixAll ? fixAllAction(findings, doc.getText(), (text) => this.findingsOfText(doc.uri, text)) : undefined;
    return fixAll ? [...actions, fixAll] : actions;
  }

  /** Findings of a text that is not (yet) a document version: a pass of fix-all. */
  private findingsOfText(uri: string, text: string): Finding[] {
    const config = this.configFor(uri);
    return analyze(parseEpisode(text, uri, { maxFrontMatterKB: config.frontMatterKB ?? DEFAULT_FRONT_MATTER_KB }), config, { terms: this.termsFor(uri) });
  }

  /** Shift Times From Here: the edits moving every time from the item at `offset` on, or why not. */
  shiftTimes(doc: DocumentLike, offset: number, amount: ShiftAmount): ShiftOutcome {
    return shiftTimes(this.model(doc), offset, amount);
  }

  prepareRename(doc: DocumentLike, offset: number): ReturnType<typeof prepareRename> {
    return prepareRename(this.model(doc), offset);
  }

  rename(doc: DocumentLike, offset: number, newName: string): ReturnType<typeof renameSpeaker> {
    return renameSpeaker(this.model(doc), offset, newName);
  }

  completions(doc: DocumentLike, offset: number): EpisodeCompletion[] {
    return completions(this.model(doc), offset);
  }

  codeLenses(doc: DocumentLike): EpisodeCodeLens[] {
    const entry = this.entry(doc);
    return (entry.codeLenses ??= codeLenses(entry.model));
  }

  status(doc: DocumentLike, offset: number): EpisodeStatus | undefined {
    return statusAt(this.model(doc), offset);
  }

  /** The transcript-copy fingerprint of this version (undefined for non-episodes and short transcripts). */
  fingerprint(doc: DocumentLike): CopyFingerprint | undefined {
    const entry = this.entry(doc);
    // A front matter read unit by unit still has its readable lines; one that could not be read has none to compare.
    const readable = entry.model.syntaxErrors.length === 0 || entry.model.recovered === true;
    return (entry.fingerprint ??= { value: readable ? copyFingerprint(entry.model) : undefined }).value;
  }

  /**
   * Records an edit (offsets in the text before each change, applied in order) so the next request
   * can update the model item by item instead of parsing again. `full` means the whole text was replaced.
   */
  didChange(uri: string, version: number, changes: TextChange[] | 'full'): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    const pending = entry.pending ?? { version: entry.version, changes: [] };
    if (changes === 'full' || pending.changes === 'full' || pending.changes.length + changes.length > MAX_REPLAYED_CHANGES) pending.changes = 'full';
    else pending.changes.push(...changes);
    pending.version = version;
    entry.pending = pending;
  }

  /** Frees a closed document. */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private entry(doc: DocumentLike): Entry {
    const cached = this.entries.get(doc.uri);
    const maxKB = this.configFor(doc.uri).frontMatterKB ?? DEFAULT_FRONT_MATTER_KB;
    const sameLimit = cached?.model.limits === undefined || cached.model.limits.maxKB === maxKB; // No front matter: no limit applies.
    if (cached && cached.version === doc.version && sameLimit) return cached;
    const text = doc.getText();
    const updated = cached && sameLimit && cached.pending?.version === doc.version ? replay(cached.model, cached.pending.changes, text) : undefined;
    const entry: Entry = { version: doc.version, model: updated ?? parseEpisode(text, doc.uri, { maxFrontMatterKB: maxKB }) };
    this.entries.set(doc.uri, entry);
    return entry;
  }
}

/** Applies recorded changes one by one, item-locally; undefined as soon as one is not local. */
function replay(model: EpisodeModel, changes: TextChange[] | 'full', finalText: string): EpisodeModel | undefined {
  if (changes === 'full' || changes.length === 0) return undefined;
  let current: EpisodeModel | undefined = model;
  for (let i = 0; i < changes.length && current; i++) {
    const change = changes[i];
    const text = i === changes.length - 1 ? finalText : current.text.slice(0, change.start) + change.text + current.text.slice(change.end);
    current = updateEpisode(current, change, text);
  }
  return current;
}
