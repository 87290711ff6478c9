import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, PublishDiagnosticsParams, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { mergeConfigs, readConfig, RULES, TranscriptConfig } from '../../server/src/core';
import { TestClient } from '../protocol/lspClient';
import { applyEdit, Edit, itemRegions, loadSeeds, randomEdit, Rng, SeedDoc, startingDocument } from './fuzzLib';
import { checkFixSafety } from './fixProperty';
import { difference, Fresh, rangeProblems, tokenProblems } from './reference';

/**
 * Differential fuzzing of the real server over stdio: random edits go in as incremental
 * `didChange` notifications; after each, every feature is requested and compared with a fresh
 * full analysis of the same text by the core. Any difference, any range outside the document,
 * any missing answer or logged error is a failure, reported with the seed and step to replay it.
 */

export interface FuzzOptions {
  seed: number;
  /** How many edits in all. */
  edits: number;
  /** Stop earlier than `edits` after this long (the edits done so far are a prefix of the seeded run). */
  timeLimitMs?: number;
  corpus: boolean;
  /** Stop at the first failure (tests) or go on with a fresh document (long runs). */
  stopOnFailure: boolean;
  /** Where failing cases are written as JSON (outside the repository: they may hold corpus text). */
  saveDir?: string;
  /** How long a request may take before it counts as unanswered. */
  requestTimeoutMs?: number;
  log?: (line: string) => void;
  /** Also check fix safety (fixProperty.ts) on the text after this share of the steps (0: never). */
  fixSafetyShare?: number;
  /** Called after each step with the number of edits so far. */
  onProgress?: (edits: number) => void;
}

export interface FuzzFailure {
  seed: number;
  step: number;
  doc: string;
  problems: string[];
  before: string;
  /** The didChange notifications of the failing step, each a list of changes, as regressions/*.json takes them. */
  notifications: TextDocumentContentChangeEvent[][];
  after: string;
  file?: string;
}

export interface FuzzResult {
  edits: number;
  documents: number;
  requests: number;
  elapsedMs: number;
  failures: FuzzFailure[];
  kinds: Record<string, number>;
}

interface Session {
  uri: string;
  name: string;
  doc: TextDocument;
  steps: number;
}

/** How long a publish that differs from the fresh analysis may wait for a later one of the same version. */
const SETTLE_MS = 10_000;

const ONLY_CHOICES: (string[] | undefined)[] = [undefined, undefined, ['quickfix'], ['source.fixAll'], ['source.fixAll.transcripts'], ['source'], ['refactor']];

/** A session of the server under test: asks it everything about a document and compares with the oracle. */
export class ServerProbe {
  requests = 0;
  private logsSeen = 0;
  private stderrSeen = 0;

  constructor(readonly client: TestClient, readonly rng: Rng, readonly timeoutMs = 15_000) {}

  within<T>(promise: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      promise.then((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    this.requests++;
    return this.within(this.client.connection.sendRequest(method, params) as Promise<T>, method);
  }

  get alive(): boolean {
    return this.client.child.exitCode === null && this.client.child.signalCode === null;
  }

  /** Errors and warnings the server logged, and anything it wrote to stderr, since the last call. */
  newLogProblems(): string[] {
    const { client } = this;
    const problems: string[] = [];
    for (; this.logsSeen < client.logEntries.length; this.logsSeen++) {
      const entry = client.logEntries[this.logsSeen];
      if (entry.type <= 2) problems.push(`server logged ${entry.type === 1 ? 'an error' : 'a warning'}: ${entry.message.slice(0, 500)}`);
    }
    for (; this.stderrSeen < client.stderr.length; this.stderrSeen++) problems.push(`server wrote to stderr: ${client.stderr[this.stderrSeen].slice(0, 500)}`);
    if (!this.alive) problems.push(`server exited (${client.child.exitCode ?? client.child.signalCode})`);
    return problems;
  }

  /** When the last `check` had every answer (before the oracle ran), for latency checks. */
  lastAnsweredAt = 0;

  /**
   * Asks for the diagnostics of the document's version and every feature (hovers and code actions
   * at random spots), then compares each answer with a fresh full analysis and checks every range.
   * The requests go out before the oracle runs, so `lastAnsweredAt` measures the server alone.
   */
  async check(uri: string, doc: TextDocument, config: TranscriptConfig): Promise<string[]> {
    const { rng } = this;
    const fresh = new Fresh(uri, doc.getText(), config, doc.version);
    const text = fresh.text;
    const textDocument = { uri };
    const items = itemRegions(text);
    const positions = [0, 1].map(() => {
      const offset = items.length > 0 && rng.chance(0.7) ? (({ start, end }) => start + rng.int(end - start + 1))(rng.pick(items)) : rng.int(text.length + 1);
      return fresh.doc.positionAt(offset);
    });
    const start = rng.int(text.length + 1);
    const ranges: Range[] = [{ start: fresh.doc.positionAt(start), end: fresh.doc.positionAt(start + rng.weighted([[5, 0], [3, rng.int(40)], [1, rng.int(2000)]])) }];
    const onlys = [rng.pick(ONLY_CHOICES), rng.pick(ONLY_CHOICES)];
    const wantVideo = rng.chance(0.2);
    const codeAction = (range: Range, only: string[] | undefined) =>
      this.request<CodeAction[] | null>('textDocument/codeAction', { textDocument, range, context: { diagnostics: [], ...(only ? { only } : {}) } });

    const problems: string[] = [];
    const answered = (settled: PromiseSettledResult<unknown>[], first = 0) => settled.map((r, i) => {
      if (r.status === 'fulfilled') return r.value;
      problems.push(`request ${first + i} failed: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`);
      return undefined;
    });
    // The diagnostics first, settled: the first publish after an open comes before the site's terms
    // are loaded, and the features answer from what was loaded when they are asked.
    const expectedDiagnostics = fresh.diagnostics();
    const values = answered(await Promise.allSettled([this.settledDiagnostics(uri, doc.version, expectedDiagnostics)]));
    values.push(...answered(await Promise.allSettled([
      ...positions.map((position) => this.request<Hover | null>('textDocument/hover', { textDocument, position })),
      this.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument }),
      this.request<FoldingRange[] | null>('textDocument/foldingRange', { textDocument }),
      this.request<DocumentLink[] | null>('textDocument/documentLink', { textDocument }),
      codeAction(ranges[0], onlys[0]),
      wantVideo ? this.request('transcripts/videoAt', { textDocument, position: positions[0] }) : Promise.resolve(null),
      this.request<{ data: number[] } | null>('textDocument/semanticTokens/full', { textDocument }),
    ]), values.length));
    this.lastAnsweredAt = Date.now();
    let k = 0;
    const published = values[k++] as { diagnostics: Diagnostic[] } | undefined;
    const hovers = positions.map(() => values[k++] as Hover | null | undefined);
    const symbols = values[k++] as DocumentSymbol[] | null | undefined;
    const folding = values[k++] as FoldingRange[] | null | undefined;
    const links = values[k++] as DocumentLink[] | null | undefined;
    const actions = [values[k++] as CodeAction[] | null | undefined];
    const video = values[k++];
    const tokens = values[k++] as { data: number[] } | null | undefined;
    // A second code action request at one of the findings (the oracle knows where they are).
    if (expectedDiagnostics.length > 0) {
      ranges.push(rng.pick(expectedDiagnostics).range);
      actions.push(...(answered(await Promise.allSettled([codeAction(ranges[1], onlys[1])])) as (CodeAction[] | null | undefined)[]));
    }

    const diff = (what: string, actual: unknown, expected: () => unknown) => {
      if (actual === undefined) return; // Already reported as unanswered.
      const d = difference(what, actual, expected());
      if (d) problems.push(d);
    };
    diff('diagnostics', published?.diagnostics, () => expectedDiagnostics);
    hovers.forEach((h, i) => diff(`hover at ${JSON.stringify(positions[i])}`, h, () => fresh.hover(positions[i])));
    diff('documentSymbol', symbols, () => fresh.symbols());
    diff('foldingRange', folding, () => fresh.folding());
    diff('documentLink', links, () => fresh.links());
    actions.forEach((a, i) => diff(`codeAction ${JSON.stringify(ranges[i])} only=${JSON.stringify(onlys[i])}`, a, () => fresh.codeActions(ranges[i], onlys[i])));
    if (wantVideo) diff('transcripts/videoAt', video, () => fresh.videoAt(positions[0]));
    if (tokens !== undefined) {
      diff('semanticTokens', tokens?.data ?? [], () => fresh.semanticTokens());
      problems.push(...tokenProblems(fresh.doc, tokens?.data ?? []));
    }
    problems.push(...rangeProblems(fresh.doc, {
      diagnostics: published?.diagnostics, hovers: hovers.map((h) => h ?? null), symbols, folding, links, actions: actions.flatMap((a) => a ?? []),
    }));
    this.client.clearDiagnostics();
    problems.push(...this.newLogProblems());
    return problems;
  }

  /**
   * The document's diagnostics for `version`. The server publishes a version again when something it
   * loads in the background changes its findings (the site's terms, after an open), so while the
   * latest publish differs from the fresh analysis, a later one is awaited (up to SETTLE_MS); the
   * latest is returned, and compared, either way.
   */
  private async settledDiagnostics(uri: string, version: number, expected: Diagnostic[]): Promise<PublishDiagnosticsParams> {
    let published = await this.within(this.client.diagnosticsFor(uri, version, this.timeoutMs), 'publishDiagnostics');
    const deadline = Date.now() + SETTLE_MS;
    while (difference('diagnostics', published.diagnostics, expected) && Date.now() < deadline) {
      try {
        await this.client.publishesFor(uri, this.client.publishedFor(uri).length + 1, deadline - Date.now());
      } catch {
        break; // Nothing more came: the latest is the server's answer.
      }
      published = await this.client.diagnosticsFor(uri, version, this.timeoutMs);
    }
    return published;
  }

  /** Closes a document and checks that its diagnostics are cleared. */
  async close(uri: string): Promise<string[]> {
    this.client.clearDiagnostics();
    this.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    try {
      const cleared = await this.within(this.client.diagnosticsFor(uri, undefined, this.timeoutMs), 'diagnostics cleared on close');
      return cleared.diagnostics.length === 0 ? [] : [`didClose left ${cleared.diagnostics.length} diagnostics`];
    } catch (error) {
      return [String(error)];
    } finally {
      this.client.clearDiagnostics();
    }
  }

  /** Sends changes as one notification; returns the document after them. */
  change(uri: string, doc: TextDocument, changes: TextDocumentContentChangeEvent[], version = doc.version + 1): TextDocument {
    this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return TextDocument.update(doc, changes, version);
  }

  /** Sets the editor settings, tells the server, and returns the configuration the oracle must use. */
  configure(settings: { rules?: Record<string, string>; order?: { toleranceSeconds?: number } }): TranscriptConfig {
    this.client.clearDiagnostics();
    this.client.settings = settings;
    this.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    return mergeConfigs(readConfig({ rules: settings.rules, toleranceSeconds: settings.order?.toleranceSeconds }).config);
  }
}

export async function runDifferentialFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const rng = new Rng(options.seed);
  const log = options.log ?? (() => undefined);
  const { fixtures, corpus, corpusSkip } = loadSeeds({ corpus: options.corpus });
  if (corpusSkip) log(`corpus skipped: ${corpusSkip}`);
  const pool: SeedDoc[] = [...fixtures, ...corpus];
  const started = Date.now();
  const result: FuzzResult = { edits: 0, documents: 0, requests: 0, elapsedMs: 0, failures: [], kinds: {} };

  let probe = new ServerProbe(await TestClient.start(), rng, options.requestTimeoutMs);
  let config: TranscriptConfig = mergeConfigs();
  let docCounter = 0;

  const open = (): Session => {
    const start = startingDocument(rng, fixtures, corpus);
    const folder = rng.chance(0.2) ? '_podcast/' : '';
    const uri = rng.chance(0.1) ? `untitled:Fuzz-${++docCounter}` : `file:///fuzz-nonexistent/${folder}ep-${++docCounter}.md`;
    const version = rng.range(0, 5);
    probe.client.open(uri, start.text, version);
    result.documents++;
    return { uri, name: start.name, doc: TextDocument.create(uri, 'markdown', version, start.text), steps: 0 };
  };

  const randomSettings = () => {
    if (rng.chance(0.4)) return {};
    const rules: Record<string, string> = {};
    for (let i = rng.int(4); i > 0; i--) rules[rng.pick(RULES).id] = rng.pick(['error', 'warning', 'information', 'hint', 'off']);
    return rng.chance(0.5) ? { rules } : { rules, order: { toleranceSeconds: rng.pick([0, 1, 5, 60, 1e9]) } };
  };

  const fail = (s: Session, problems: string[], before: string, notifications: TextDocumentContentChangeEvent[][]) => {
    const failure: FuzzFailure = { seed: options.seed, step: result.edits, doc: s.name, problems, before, notifications, after: s.doc.getText() };
    if (options.saveDir) {
      fs.mkdirSync(options.saveDir, { recursive: true });
      failure.file = path.join(options.saveDir, `fuzz-${options.seed}-${result.edits}.json`);
      fs.writeFileSync(failure.file, JSON.stringify({ ...failure, uri: s.uri, config }, null, 1));
    }
    result.failures.push(failure);
    log(`FAILURE seed=${options.seed} step=${result.edits} doc=${s.name}${failure.file ? ` saved ${failure.file}` : ''}\n  ${problems.slice(0, 5).join('\n  ')}`);
  };

  let session = open();
  try {
    const firstProblems = await probe.check(session.uri, session.doc, config);
    if (firstProblems.length > 0) fail(session, firstProblems, '', []);
    while (result.edits < options.edits && !(options.stopOnFailure && result.failures.length > 0)) {
      if (options.timeLimitMs !== undefined && Date.now() - started > options.timeLimitMs) break;
      // Now and then: a new document, or a changed configuration.
      if (session.steps > rng.range(50, 400) || session.doc.getText().length > 400_000) {
        const problems = await probe.close(session.uri);
        if (problems.length > 0) fail(session, problems, session.doc.getText(), []);
        session = open();
      } else if (rng.chance(0.005)) {
        config = probe.configure(randomSettings());
      }

      const before = session.doc.getText();
      const burst = rng.weighted([[20, 1], [3, rng.range(2, 5)], [1, rng.range(6, 40)]]);
      const notifications: TextDocumentContentChangeEvent[][] = [];
      for (let b = 0; b < burst; b++) {
        // One notification may hold several changes, applied in order.
        const perNotification = rng.weighted([[8, 1], [2, rng.range(2, 4)]]);
        const changes: TextDocumentContentChangeEvent[] = [];
        let current = session.doc.getText();
        for (let c = 0; c < perNotification; c++) {
          const edit: Edit = randomEdit(rng, current, pool);
          result.kinds[edit.kind] = (result.kinds[edit.kind] ?? 0) + 1;
          const change = toChange(current, edit, rng);
          changes.push(change);
          current = TextDocument.update(TextDocument.create('x:', 'markdown', 0, current), [change], 1).getText();
        }
        // Rarely, protocol abuse: a change that keeps the version number, or a second didOpen with other text.
        const abuse = rng.weighted([[400, 'none'], [1, 'same-version'], [1, 'reopen']] as const);
        if (abuse === 'reopen') {
          const text = TextDocument.update(TextDocument.create('x:', 'markdown', 0, session.doc.getText()), changes, 1).getText();
          probe.client.open(session.uri, text, session.doc.version);
          session.doc = TextDocument.create(session.uri, 'markdown', session.doc.version, text);
          result.kinds.reopen = (result.kinds.reopen ?? 0) + 1;
        } else {
          session.doc = probe.change(session.uri, session.doc, changes, abuse === 'same-version' ? session.doc.version : undefined);
        }
        if (abuse !== 'none') {
          // Diagnostics name only a version number, now shared by two texts: an empty change gives the next check its own.
          session.doc = probe.change(session.uri, session.doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
        }
        notifications.push(abuse === 'reopen' ? [{ text: session.doc.getText() }] : changes);
        result.edits += changes.length;
        session.steps++;
      }
      const problems = await probe.check(session.uri, session.doc, config);
      if (options.fixSafetyShare && rng.chance(options.fixSafetyShare)) {
        problems.push(...checkFixSafety(session.doc.getText(), session.uri, config).problems);
      }
      options.onProgress?.(result.edits);
      if (problems.length === 0) continue;
      fail(session, problems, before, notifications);
      if (options.stopOnFailure) break;
      // Go on from a clean state: a new server when this one died, else a new document.
      if (!probe.alive) {
        probe = new ServerProbe(await TestClient.start(), rng, options.requestTimeoutMs);
        config = mergeConfigs();
      } else {
        await probe.close(session.uri);
      }
      session = open();
      probe.newLogProblems();
    }
    const problems = await probe.close(session.uri);
    if (problems.length > 0 && !(options.stopOnFailure && result.failures.length > 0)) fail(session, problems, session.doc.getText(), []);
  } finally {
    const exit = await Promise.race([probe.client.stop().catch((e) => `stop failed: ${e}`), new Promise((r) => setTimeout(() => r('no exit within 5 s'), 5000))]);
    if (exit !== 0 && !(options.stopOnFailure && result.failures.length > 0)) {
      result.failures.push({ seed: options.seed, step: result.edits, doc: '(shutdown)', problems: [`server did not exit cleanly: ${exit}`], before: '', notifications: [], after: '' });
    }
    if (probe.alive) probe.client.child.kill('SIGKILL');
  }
  result.requests = probe.requests;
  result.elapsedMs = Date.now() - started;
  return result;
}

/** An edit in offsets as an LSP change; `full` edits go as whole-text changes, some others do too. */
function toChange(text: string, edit: Edit, rng: Rng): TextDocumentContentChangeEvent {
  if ('full' in edit) return { text: edit.full };
  if (rng.chance(0.01)) return { text: applyEdit(text, edit) };
  const doc = TextDocument.create('x:', 'markdown', 0, text);
  const range = { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) };
  // Now and then the range comes backwards, as some clients send it.
  return rng.chance(0.02) ? { range: { start: range.end, end: range.start }, text: edit.text } : { range, text: edit.text };
}

export function defaultSaveDir(): string {
  return path.join(os.tmpdir(), 'transcript-fuzz');
}
