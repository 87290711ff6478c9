import { analyze } from './rules';
import { parseEpisode, EpisodeModel } from './model';
import { documentSymbols, EpisodeSymbol } from './features/symbols';
import { foldingSpans } from './features/folding';
import { documentLinks, EpisodeLink } from './features/links';
import { hoverAt, videoAt, EpisodeHover } from './features/hover';
import { fixAllAction, quickFixes, EpisodeCodeAction } from './features/codeActions';
import { DEFAULT_CONFIG, Finding, Span, TranscriptConfig } from './types';

/** What the service needs of a document: the shape of `TextDocument` from vscode-languageserver-textdocument. */
export interface DocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

interface Entry {
  version: number;
  model: EpisodeModel;
  findings?: { config: TranscriptConfig; list: Finding[] };
  symbols?: EpisodeSymbol[];
  folding?: Span[];
  links?: EpisodeLink[];
}

/**
 * The language service: parses each document version once and computes every feature lazily
 * from that one model (like VS Code's CSS language-model cache). Knows nothing of the connection.
 */
export class TranscriptLanguageService {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly configFor: (uri: string) => TranscriptConfig = () => DEFAULT_CONFIG) {}

  model(doc: DocumentLike): EpisodeModel {
    return this.entry(doc).model;
  }

  findings(doc: DocumentLike): Finding[] {
    const entry = this.entry(doc);
    const config = this.configFor(doc.uri);
    if (entry.findings?.config !== config) entry.findings = { config, list: analyze(entry.model, config) };
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
    const fixAll = kinds.fixAll ? fixAllAction(findings) : undefined;
    return fixAll ? [...actions, fixAll] : actions;
  }

  /** Frees a closed document. */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private entry(doc: DocumentLike): Entry {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const entry: Entry = { version: doc.version, model: parseEpisode(doc.getText(), doc.uri) };
    this.entries.set(doc.uri, entry);
    return entry;
  }
}
