import type { EpisodeModel, TranscriptItem } from '../model';
import type { Finding, Fix, RuleId, Span, TranscriptConfig } from '../types';
import { lineNumberFinder } from '../text';
import { ruleSetting } from './registry';
import type { TermsInput } from '../terms/sources';

/** What a rule gets: the parsed episode, the settings, and a way to report. */
export class RuleContext {
  findings: Finding[] = [];
  /** The site's names and terms, when the host has them (name-spelling, term-spelling). */
  terms?: TermsInput;
  private lineFinder: ((offset: number) => number) | undefined;

  constructor(readonly model: EpisodeModel, readonly config: TranscriptConfig, private readonly lineOf?: (offset: number) => number) {}

  /** Runs checks and returns what they reported, apart from the document's findings. */
  collect(run: () => void): Finding[] {
    const outer = this.findings;
    this.findings = [];
    try {
      run();
      return this.findings;
    } finally {
      this.findings = outer;
    }
  }

  get items(): readonly TranscriptItem[] {
    return this.model.transcript?.items ?? [];
  }

  private linesView?: TranscriptItem[];
  private timedView?: TranscriptItem[];

  /** The spoken lines (items with `line` and no `header`), in order. */
  get lines(): readonly TranscriptItem[] {
    return (this.linesView ??= this.items.filter((item) => item.kind === 'line'));
  }

  /** Items with a valid `sec`, in order. */
  get timed(): readonly TranscriptItem[] {
    return (this.timedView ??= this.items.filter((item) => item.sec !== undefined));
  }

  /** Whether an item that does not parse stands between two items (front matter read unit by unit). */
  brokenBetween(a: TranscriptItem, b: TranscriptItem): boolean {
    if (!this.model.recovered) return false;
    const items = this.items;
    for (let i = a.index + 1; i < b.index; i++) if (items[i].kind === 'broken') return true;
    return false;
  }

  report(rule: RuleId, span: Span, message: string, fixes: Fix[] = [], uncertain = false): void {
    const setting = ruleSetting(this.config, rule);
    if (setting === 'off') return;
    const finding: Finding = { rule, severity: setting, message, start: span.start, end: span.end, fixes };
    if (uncertain) finding.uncertain = true;
    this.findings.push(finding);
  }

  isEnabled(rule: RuleId): boolean {
    return this.config.rules[rule] !== 'off';
  }

  /** 1-based line number of an offset, for messages that point at another item. */
  lineNumber(offset: number): number {
    if (this.lineOf) return this.lineOf(offset);
    return (this.lineFinder ??= lineNumberFinder(this.model.text))(offset);
  }
}
