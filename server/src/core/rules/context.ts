import type { EpisodeModel, TranscriptItem } from '../model';
import type { Finding, Fix, RuleId, Span, TranscriptConfig } from '../types';
import { lineNumberFinder } from '../text';
import { ruleSetting } from './registry';
import type { TermsInput } from '../terms/sources';

/**
 * Findings about a group of items, as built by a file-scoped rule (`memo`), keyed by the group's first
 * item object: offsets as they were when built (`anchor`: the first item's region start then).
 */
interface GroupFindings {
  tag: string;
  items: readonly TranscriptItem[];
  config: TranscriptConfig;
  anchor: number;
  findings: readonly Finding[];
}
const groupFindings = new WeakMap<TranscriptItem, GroupFindings[]>();
/** Groups kept per first item: one per tag is the usual case; the bound stops growth on odd inputs. */
const MAX_GROUPS_PER_ITEM = 8;

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

  report(rule: RuleId, span: Span, message: string, fixes: Fix[] = [], uncertain = false, data?: Finding['data']): void {
    const setting = ruleSetting(this.config, rule);
    if (setting === 'off') return;
    const finding: Finding = { rule, severity: setting, message, start: span.start, end: span.end, fixes };
    if (uncertain) finding.uncertain = true;
    if (data) finding.data = data;
    this.findings.push(finding);
  }

  /**
   * Reports what `build` reports about a group of contiguous items, building it only when the group
   * changed. An edit re-reads only the item it touched and moves the others (same objects, offsets
   * shifted alike), so while every item of the group is the same object, the findings are the same,
   * moved by as much as the group's first item. `build` may read only these items (their fields and
   * text) and the configuration: no line numbers, no other item, no metadata.
   */
  memo(tag: string, items: readonly TranscriptItem[], build: () => void): void {
    const first = items[0];
    const kept = groupFindings.get(first);
    const hit = kept?.find((g) => g.tag === tag && g.config === this.config && sameItems(g.items, items));
    if (hit) {
      // Moved since: keep them moved, so a group that stays put is not copied again.
      if (first.region.start !== hit.anchor) {
        hit.findings = hit.findings.map((finding) => shiftFinding(finding, first.region.start - hit.anchor));
        hit.anchor = first.region.start;
      }
      this.findings.push(...hit.findings);
      return;
    }
    const found = this.collect(build);
    const group = { tag, items: items.slice(), config: this.config, anchor: first.region.start, findings: found };
    if (!kept) groupFindings.set(first, [group]);
    else if (kept.length < MAX_GROUPS_PER_ITEM) kept.push(group);
    else kept.splice(0, kept.length, group);
    this.findings.push(...found);
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

function sameItems(a: readonly TranscriptItem[], b: readonly TranscriptItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A finding moved by `delta` (its span and its fixes' edits), as a new object: cached ones are shared. */
export function shiftFinding(finding: Finding, delta: number): Finding {
  // Every keystroke moves the findings after it: no copy of an empty fix list.
  const fixes = finding.fixes.length === 0 ? finding.fixes : finding.fixes.map((fix) => shiftFix(fix, delta));
  return { ...finding, start: finding.start + delta, end: finding.end + delta, fixes };
}

function shiftFix(fix: Fix, delta: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) };
}
