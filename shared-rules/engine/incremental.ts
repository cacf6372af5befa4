import { instructionTextId, modelView } from '../model/parse';
import { imageStages } from '../model/stages';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { Range, shiftLines } from '../text/types';
import { shiftEdits } from '../text/edits';
import { detachReport } from './detach-report';
import { compareFindings, effectiveSeverity, LintConfig, Linter, LintResult } from './lint';
import { RawFinding, runRule } from './rule-run';
import { collectSuppressions, isSuppressed } from './suppressions';
import { Finding, HostInfo, Rule, RuleOptions, RuleScope } from './types';

/** A part of the document a scoped rule's findings are cached for: a stage or an instruction. */
interface Segment {
  /**
   * Everything the findings inside may depend on, under the rule's scope, as
   * two numbers: the context (what the segment may read around it) and its
   * own text. Numbers, not a string of both: 7,800 keys of a 20,000-line file
   * are rebuilt and looked up on every keystroke.
   */
  context: number;
  text: number;
  startLine: number;
  endLine: number;
  /** Index of the first instruction in the segment, to move cached instruction indexes. */
  firstIndex: number;
  /** The stage (-1: before the first FROM) or the instruction the segment holds. */
  stage: number;
  instruction: Instruction | undefined;
}

interface Cached {
  startLine: number;
  firstIndex: number;
  findings: RawFinding[];
}

type SegmentScope = Exclude<RuleScope, 'file'>;

interface Partition {
  scope: SegmentScope;
  segments: Segment[];
  /** What a rule sees when only segment `k` is re-checked (built once per lint, shared by the rules). */
  view(k: number): DockerfileModel;
}

interface ScopedResults {
  /** The segments whose findings were computed now (the others hit the cache), in ascending order. */
  fresh: number[];
  /** Per entry of `fresh`: its findings. */
  found: Cached[];
  /** Per entry of `fresh`: whether its findings may be cached. */
  cacheable: boolean[];
}

/**
 * The result of a segment without findings, shared: it is true wherever the
 * segment moves, and most (segment, rule) pairs of a large file have it, so a
 * 20,000-line file keeps no per-pair object for them (~15 MB less heap).
 */
const NOTHING: Cached = Object.freeze({ startLine: -1, firstIndex: -1, findings: Object.freeze([]) as unknown as RawFinding[] });

// Cached findings outlive the version they were computed on: their texts are copies (text/detach).
function cached(seg: Segment, findings: RawFinding[]): Cached {
  if (findings.length === 0) return NOTHING;
  const own = findings.map(detachReport);
  return { startLine: seg.startLine, firstIndex: seg.firstIndex, findings: own };
}

/**
 * Cached findings of one segment, indexed by the rule's position among the
 * rules of the segment's scope: an instruction segment has 16 slots, not one
 * per rule of the linter (~3 MB less at 20,000 lines).
 */
type Slots = (Cached | undefined)[];

interface PartitionState {
  /** Cached findings per segment and rule, from the previous version. */
  prev: (Slots | undefined)[];
  /**
   * What this version keeps for the next one. Starts as the previous slots
   * (shared, copied on the first write): an unchanged segment whose rules all
   * hit their cache keeps its slots without allocating, which is nearly every
   * segment of a large file on each keystroke.
   */
  next: (Slots | undefined)[];
  /** Whether next[k] is this version's own copy, safe to write. */
  owned: boolean[];
}

/** A segment's slots, with the last lint that used them. */
interface CacheEntry {
  slots: Slots;
  used: number;
}

/**
 * Entries per segment context, then per segment text. Updated in place and
 * swept after each lint rather than rebuilt: rebuilding allocated ~1 MB of
 * hash tables per keystroke at 20,000 lines.
 */
type SegmentCache = Map<number, Map<number, CacheEntry>>;

function emptyCaches(): Record<SegmentScope, SegmentCache> {
  return { instruction: new Map(), stage: new Map() };
}

function store(state: PartitionState, k: number, slot: number, value: Cached | undefined, slots: number): void {
  const cur = state.next[k];
  if (cur?.[slot] === value) return;
  if (!state.owned[k]) {
    state.next[k] = cur ? cur.slice() : new Array<Cached | undefined>(slots).fill(undefined);
    state.owned[k] = true;
  }
  (state.next[k] as Slots)[slot] = value;
}

export interface IncrementalOptions {
  /** Run only the rules this accepts (e.g. only per-instruction rules on a huge file). */
  ruleFilter?: (rule: Rule) => boolean;
}

const NO_HOST: HostInfo = {};

/** How many dirty segments are still re-checked one by one; past that a whole run is cheaper. */
const MAX_VIEWS = 24;

/**
 * Lints successive versions of one document, re-running each scoped rule
 * only on the stages or instructions whose text or context changed and
 * moving the cached findings of the others. The result equals
 * `Linter.lint` on the same model: rules without a scope run whole every
 * time, and a rule that reports outside its scope is run whole from then on.
 */
export class IncrementalLinter {
  /** Per scope (slots are numbered per scope), per segment context and text. */
  private cache = emptyCaches();
  /** Counts lints, to sweep what the last one did not use. */
  private lints = 0;
  private texts = new Map<string, number>();
  private nextTextId = 1;
  /** Rules that reported outside any segment of their scope: always run whole. */
  private readonly unscoped = new Set<string>();
  /** Rules that read the host data on some run since the last reset. */
  private readonly hostReaders = new Set<string>();
  private configKey: string | undefined;
  private host: HostInfo | undefined;

  /** Per rule of the linter: its slot among the rules of its scope. */
  private readonly slotOf: number[];
  private readonly slotCount = { instruction: 0, stage: 0 };

  constructor(private readonly linter: Linter) {
    this.slotOf = linter.rules.map((r) => {
      const scope = r.meta.scope ?? 'file';
      return scope === 'file' ? -1 : this.slotCount[scope]++;
    });
  }

  /** Forget every cached result (settings changed). */
  reset(): void {
    this.cache = emptyCaches();
    this.texts = new Map();
    this.unscoped.clear();
    this.hostReaders.clear();
  }

  /**
   * The host data changed (the build context was measured, the package table
   * loaded): only the rules that ever read it (`ctx.host`, `ctx.cost()`) lose
   * their cached results. A rule's run on a segment that never read the host
   * cannot depend on it; at 20,000 lines this spares a whole second analysis
   * after each measurement.
   */
  private forgetHostReaders(): void {
    if (this.hostReaders.size === 0) return;
    const slots: Record<SegmentScope, number[]> = { instruction: [], stage: [] };
    this.linter.rules.forEach((r, i) => {
      const scope = r.meta.scope ?? 'file';
      if (scope !== 'file' && this.hostReaders.has(r.meta.id)) slots[scope].push(this.slotOf[i]);
    });
    for (const scope of ['instruction', 'stage'] as const) {
      const mine = slots[scope];
      if (mine.length === 0) continue;
      for (const byText of this.cache[scope].values()) {
        for (const entry of byText.values()) {
          const copy = entry.slots.slice();
          for (const k of mine) copy[k] = undefined;
          entry.slots = copy;
        }
      }
    }
  }

  lint(model: DockerfileModel, config: LintConfig = {}, host: HostInfo = NO_HOST, options: IncrementalOptions = {}): LintResult {
    const configKey = JSON.stringify(config.options ?? {});
    if (configKey !== this.configKey) {
      this.reset();
      this.configKey = configKey;
      this.host = host;
    } else if (host !== this.host) {
      this.forgetHostReaders();
      this.host = host;
    }
    const usedTexts = new Map<string, number>();
    const partitions = new Partitions(model, (text) => this.textId(text, usedTexts));
    const states = new Map<Partition, PartitionState>();
    const stateOf = (part: Partition): PartitionState => {
      let st = states.get(part);
      if (!st) {
        // One cache lookup per segment, shared by every rule of that scope.
        const cache = this.cache[part.scope];
        const prev = part.segments.map((seg) => cache.get(seg.context)?.get(seg.text)?.slots);
        st = { prev, next: prev.slice(), owned: new Array<boolean>(prev.length).fill(false) };
        states.set(part, st);
      }
      return st;
    };
    const suppressions = collectSuppressions(model, this.linter.equivalences);
    const findings: Finding[] = [];
    const ruleErrors: LintResult['ruleErrors'] = [];
    const opts = config.options ?? {};

    const rules = this.linter.rules;
    for (let slot = 0; slot < rules.length; slot++) {
      const rule = rules[slot];
      const severity = effectiveSeverity(rule, config);
      if (!severity) continue;
      if (options.ruleFilter && !options.ruleFilter(rule)) continue;
      const id = rule.meta.id;
      const escalate = suppressions.buildkitErrors && (rule.meta.equivalents.buildkit?.length ?? 0) > 0;
      const emit = (raw: RawFinding) => {
        const instr = raw.instructionIndex !== undefined ? model.instructions[raw.instructionIndex] : undefined;
        if (isSuppressed(suppressions, id, instr)) return;
        findings.push({ ruleId: id, severity: escalate ? 'error' : severity, message: raw.message, range: raw.range, fixes: raw.fixes, tags: raw.tags, instructionIndex: raw.instructionIndex });
      };
      const scope: RuleScope = rule.meta.scope ?? 'file';
      const whole = () => {
        const { raws, error } = runRule(rule, model, model, host, opts, this.hostReaders);
        if (error) ruleErrors.push({ ruleId: id, error });
        raws.forEach(emit);
      };
      if (scope === 'file' || this.unscoped.has(id)) {
        whole();
        continue;
      }
      const part = partitions.get(scope);
      const state = stateOf(part);
      const results = this.scoped(rule, this.slotOf[slot], model, part, state, host, opts, ruleErrors);
      if (!results) {
        // Reported outside its scope: from now on this rule runs whole.
        this.unscoped.add(id);
        whole();
        continue;
      }
      const segs = part.segments;
      const { found, fresh, cacheable } = results;
      const mine = this.slotOf[slot];
      for (let k = 0, j = 0; k < segs.length; k++) {
        // Segments not computed now hit the cache (scoped() checked each).
        const r = j < fresh.length && fresh[j] === k ? found[j++] : (state.prev[k] as Slots)[mine] as Cached;
        if (r.findings.length > 0) for (const raw of relocate(r, segs[k])) emit(raw);
      }
      // A cache hit is already in its slot: only fresh results are stored.
      for (let j = 0; j < fresh.length; j++) store(state, fresh[j], mine, cacheable[j] ? found[j] : undefined, this.slotCount[scope]);
    }
    const lint = ++this.lints;
    for (const [part, st] of states) {
      const cache = this.cache[part.scope];
      part.segments.forEach((seg, k) => {
        const slots = st.next[k];
        if (!slots) return;
        let byText = cache.get(seg.context);
        if (!byText) cache.set(seg.context, (byText = new Map()));
        const entry = byText.get(seg.text);
        if (entry) {
          entry.slots = slots;
          entry.used = lint;
        } else byText.set(seg.text, { slots, used: lint });
      });
    }
    // Keep only what this version uses: the caches stay as large as the document.
    // forEach rather than for-of over entries: no [key, value] pair per entry
    // (the code runs interpreted on small files). Deleting the current entry is safe.
    for (const scope of ['instruction', 'stage'] as const) {
      const cache = this.cache[scope];
      cache.forEach((byText, context) => {
        byText.forEach((entry, text) => {
          if (entry.used !== lint) byText.delete(text);
        });
        if (byText.size === 0) cache.delete(context);
      });
    }
    this.texts = usedTexts;
    findings.sort(compareFindings);
    return { model, findings, ruleErrors };
  }

  private textId(text: string, used: Map<string, number>): number {
    let id = used.get(text) ?? this.texts.get(text);
    if (id === undefined) id = this.nextTextId++;
    used.set(text, id);
    return id;
  }

  /**
   * Per segment: its findings (cached or fresh), with the segments given fresh
   * results and whether each of those may be cached; undefined when the rule
   * reported outside its segments.
   */
  private scoped(rule: Rule, slot: number, model: DockerfileModel, part: Partition, state: PartitionState, host: HostInfo, opts: RuleOptions, ruleErrors: LintResult['ruleErrors']): ScopedResults | undefined {
    const id = rule.meta.id;
    const segs = part.segments;
    const dirty: number[] = [];
    const pinned = rule.meta.mentionsLines === true;
    for (let k = 0; k < segs.length; k++) {
      const hit = state.prev[k]?.[slot];
      if (!hit || (pinned && hit !== NOTHING && (hit.startLine !== segs[k].startLine || hit.firstIndex !== segs[k].firstIndex))) dirty.push(k);
    }
    if (dirty.length === 0) return { found: [], fresh: dirty, cacheable: [] };
    if (dirty.length <= MAX_VIEWS && dirty.length * 4 <= segs.length) {
      const found: Cached[] = [];
      const cacheable: boolean[] = [];
      let ok = true;
      for (const k of dirty) {
        const seg = segs[k];
        const { raws, error } = runRule(rule, model, part.view(k), host, opts, this.hostReaders);
        if (error) {
          ok = false;
          break;
        }
        const mine: RawFinding[] = [];
        for (const raw of raws) {
          const at = segmentAt(segs, raw.range.start.line);
          if (at === -1) {
            ok = false;
            break;
          }
          if (at === k) mine.push(raw);
        }
        if (!ok) break;
        found.push(cached(seg, mine));
        cacheable.push(mine.every((f) => inside(f, seg, model)));
      }
      if (ok) return { found, fresh: dirty, cacheable };
    }
    // Whole run, findings sorted into their segments. Only the dirty ones
    // take the new findings: the others' cached findings are what a view of
    // them would give (the scope's promise, which the view path relies on
    // too), and re-storing them would copy every finding on every keystroke.
    const { raws, error } = runRule(rule, model, model, host, opts, this.hostReaders);
    if (error) ruleErrors.push({ ruleId: id, error });
    const buckets: (RawFinding[] | undefined)[] = new Array<RawFinding[] | undefined>(segs.length);
    for (const raw of raws) {
      const at = segmentAt(segs, raw.range.start.line);
      if (at === -1) return undefined;
      (buckets[at] ??= []).push(raw);
    }
    // A rule that threw gave what it found before throwing, everywhere: as a whole run from scratch would.
    const fresh = error ? segs.map((_, k) => k) : dirty;
    const found: Cached[] = new Array<Cached>(fresh.length);
    const cacheable: boolean[] = new Array<boolean>(fresh.length);
    for (let j = 0; j < fresh.length; j++) {
      const k = fresh[j];
      const mine = buckets[k];
      found[j] = mine ? cached(segs[k], mine) : NOTHING;
      cacheable[j] = !error && (!mine || mine.every((f) => inside(f, segs[k], model)));
    }
    return { found, fresh, cacheable };
  }
}

/** The segment holding a line (segments are sorted and disjoint), or -1. */
function segmentAt(segments: Segment[], line: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (line < s.startLine) hi = mid - 1;
    else if (line > s.endLine) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function rangeInside(r: Range, seg: Segment): boolean {
  return r.start.line >= seg.startLine && r.end.line <= seg.endLine;
}

/** Whether a finding can move with its segment: everything it points at lies inside it. */
function inside(f: RawFinding, seg: Segment, model: DockerfileModel): boolean {
  if (!rangeInside(f.range, seg)) return false;
  for (const fix of f.fixes) for (const e of fix.edits) if (!rangeInside(e.range, seg)) return false;
  if (f.instructionIndex !== undefined) {
    const instr = model.instructions[f.instructionIndex];
    if (!instr || instr.startLine < seg.startLine || instr.endLine > seg.endLine) return false;
  }
  return true;
}

function relocate(c: Cached, seg: Segment): RawFinding[] {
  const d = seg.startLine - c.startLine;
  const di = seg.firstIndex - c.firstIndex;
  if (d === 0 && di === 0) return c.findings;
  return c.findings.map((f) => ({
    message: f.message,
    range: shiftLines(f.range, d),
    fixes: f.fixes.map((fix) => ({ ...fix, edits: shiftEdits(fix.edits, d) })),
    tags: f.tags,
    instructionIndex: f.instructionIndex === undefined ? undefined : f.instructionIndex + di,
  }));
}

const SEP = '\u0001';

/** The stage and instruction segments of one model, built on first use. */
class Partitions {
  private stageContexts: number[] | undefined;
  private instructionContexts: number[] | undefined;
  private preludeId: number | undefined;
  private byStage: Partition | undefined;
  private byInstruction: Partition | undefined;
  private emptiedStages: Stage[] | undefined;

  constructor(private readonly model: DockerfileModel, private readonly textId: (text: string) => number) {}

  get(scope: SegmentScope): Partition {
    if (scope === 'stage') return (this.byStage ??= this.stagePartition());
    return (this.byInstruction ??= this.instructionPartition());
  }

  private linesText(from: number, to: number): string {
    const { lines, text } = this.model;
    return text.slice(lines.lineStart(from), lines.lineEnd(to));
  }

  private lastLine(): number {
    return this.model.lines.lineCount - 1;
  }

  private preludeEnd(): number {
    const first = this.model.stages[0];
    return first ? first.from.startLine - 1 : this.lastLine();
  }

  /** Escape and the lines before the first FROM (directives, global ARGs). */
  private prelude(): number {
    if (this.preludeId === undefined) {
      const end = this.preludeEnd();
      this.preludeId = this.textId(end >= 0 ? `${this.model.escape}${SEP}${this.linesText(0, end)}` : this.model.escape);
    }
    return this.preludeId;
  }

  private stageText(s: Stage): string {
    const next = this.model.stages[s.index + 1];
    return this.linesText(s.from.startLine, next ? next.from.startLine - 1 : this.lastLine());
  }

  /**
   * Per stage, a short id for everything about it other than its own lines
   * that scoped rules may read (see RuleScope): for stage-scoped rules, the
   * lines of the stages it builds FROM too; for instruction-scoped rules only
   * their properties, so an edit in a base stage leaves the instructions of
   * the stages built on it clean.
   */
  private contexts(scope: 'stage' | 'instruction' = 'stage'): number[] {
    if (!this.stageContexts) this.computeContexts();
    return (scope === 'stage' ? this.stageContexts : this.instructionContexts) as number[];
  }

  private computeContexts(): void {
    const { model } = this;
    const shipped = imageStages(model);
    const last = model.stages.length - 1;
    const props = model.stages.map((s) =>
      [s.index, s.name ?? '', s.baseKind, s.baseStage ?? '', s.image?.raw ?? '', s.image?.resolved ?? '', s.image?.unresolved ?? '', s.windows, s.platform?.value ?? '', s.index === last, shipped.has(s.index), this.linesText(s.from.startLine, s.from.endLine)].join(SEP),
    );
    const chainTexts = new Map<number, number>();
    const instructionContexts: number[] = [];
    this.stageContexts = model.stages.map((s) => {
      const parts = [this.prelude(), props[s.index]];
      const own = [this.prelude(), props[s.index]];
      const seen = new Set<number>([s.index]);
      for (let b = s.baseStage; b !== undefined && !seen.has(b); b = model.stages[b].baseStage) {
        seen.add(b);
        let t = chainTexts.get(b);
        if (t === undefined) chainTexts.set(b, (t = this.textId(this.stageText(model.stages[b]))));
        parts.push(props[b], String(t));
        own.push(props[b]);
      }
      instructionContexts.push(this.textId(own.join('\u0002')));
      return this.textId(parts.join('\u0002'));
    });
    this.instructionContexts = instructionContexts;
  }

  private emptied(): Stage[] {
    return (this.emptiedStages ??= this.model.stages.map((s) => ({ ...s, instructions: [] })));
  }

  private stagePartition(): Partition {
    const { model } = this;
    const segments: Segment[] = [];
    const preludeEnd = this.preludeEnd();
    // Context 0 is the part before the first FROM's alone: text ids start at 1.
    if (preludeEnd >= 0) segments.push({ context: 0, text: this.prelude(), startLine: 0, endLine: preludeEnd, firstIndex: 0, stage: -1, instruction: undefined });
    const contexts = this.contexts();
    for (const s of model.stages) {
      const next = model.stages[s.index + 1];
      const endLine = next ? next.from.startLine - 1 : this.lastLine();
      segments.push({ context: contexts[s.index], text: this.textId(this.linesText(s.from.startLine, endLine)), startLine: s.from.startLine, endLine, firstIndex: s.from.index, stage: s.index, instruction: undefined });
    }
    const views = new Map<number, DockerfileModel>();
    return { scope: 'stage', segments, view: (k) => views.get(k) ?? views.set(k, this.stageView(segments[k].stage)).get(k) as DockerfileModel };
  }

  private instructionPartition(): Partition {
    const { model } = this;
    const contexts = this.contexts('instruction');
    const segments = model.instructions.map((i): Segment => {
      const context = i.stageIndex >= 0 ? contexts[i.stageIndex] : this.prelude();
      // The parser names unchanged instruction texts, so most keys need no
      // text hashing. Its ids and ours are counted apart: even and odd.
      const known = instructionTextId(model, i);
      const text = known !== undefined ? 2 * known : 2 * this.textId(this.linesText(i.startLine, i.endLine)) + 1;
      return { context, text, startLine: i.startLine, endLine: i.endLine, firstIndex: i.index, stage: i.stageIndex, instruction: i };
    });
    const views = new Map<number, DockerfileModel>();
    return { scope: 'instruction', segments, view: (k) => views.get(k) ?? views.set(k, this.instructionView(segments[k].instruction as Instruction)).get(k) as DockerfileModel };
  }

  /** One stage (or the part before the first FROM) with the stages it builds FROM; the other stages keep only their FROM. */
  private stageView(stage: number): DockerfileModel {
    const { model } = this;
    const stages = this.emptied().slice();
    const instructions: Instruction[] = [];
    if (stage === -1) {
      for (const i of model.instructions) if (i.stageIndex === -1) instructions.push(i);
    } else {
      const keep: number[] = [];
      for (let b: number | undefined = stage; b !== undefined && !keep.includes(b); b = model.stages[b].baseStage) keep.push(b);
      keep.sort((x, y) => x - y);
      for (const b of keep) {
        const s = model.stages[b];
        stages[b] = s;
        instructions.push(s.from, ...s.instructions);
      }
    }
    return modelView(model, { instructions, stages });
  }

  /** One instruction; every stage keeps only its FROM, the instruction's own stage also the instruction. */
  private instructionView(instr: Instruction): DockerfileModel {
    const stages = this.emptied().slice();
    if (instr.stageIndex >= 0 && instr.keyword !== 'FROM') stages[instr.stageIndex] = { ...this.model.stages[instr.stageIndex], instructions: [instr] };
    return modelView(this.model, { instructions: [instr], stages });
  }
}
