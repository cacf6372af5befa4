import { computeLayerCosts } from '../layer-cost/model';
import { LayerCosts } from '../layer-cost/types';
import { DockerfileModel, Instruction } from '../model/types';
import { runScripts, RunScripts } from '../shell/run-scripts';
import { fixesThatParse } from './fixes-that-parse';
import { instructionAt } from '../model/instruction-at';
import { Range } from '../text/types';
import { Fix, HostInfo, Report, Rule, RuleContext, RuleOptions, Tag } from './types';

// An instruction object is shared between the models of successive versions
// only while its text and position are unchanged, so its shell scripts can be
// reused as long as its stage's Windows-ness is the same.
const scriptsByInstruction = new WeakMap<Instruction, { windows: boolean; scripts: RunScripts }>();

function cachedRunScripts(model: DockerfileModel, instr: Instruction): RunScripts {
  const windows = instr.stageIndex >= 0 && model.stages[instr.stageIndex]?.windows === true;
  const hit = scriptsByInstruction.get(instr);
  if (hit && hit.windows === windows) return hit.scripts;
  const scripts = runScripts(model, instr);
  if (scripts.main) scriptsByInstruction.set(instr, { windows, scripts });
  return scripts;
}

/**
 * One run of one rule's check: the context it gets and what it reported.
 *
 * `model` is what the rule sees: the whole model, or the part of it an
 * incremental run re-checks (see engine/incremental.ts). Scripts are read
 * through `whole`, whose instructions that part shares.
 *
 * Both linters run rules through it, so what a rule can reach and how its
 * reports are collected is defined once.
 */
export class RuleRun implements RuleContext {
  readonly reports: Report[] = [];

  /** A property, not a method: rules hand it to helpers unbound. */
  readonly scripts = (instr: Instruction): RunScripts => cachedRunScripts(this.whole, instr);

  /**
   * @param hostReaders when given, gets `ruleId` once the rule reads the host
   *   data (directly or through the layer costs), so that a change of the host
   *   data forgets only those rules' results.
   */
  constructor(
    private readonly whole: DockerfileModel,
    readonly model: DockerfileModel,
    private readonly hostInfo: HostInfo,
    readonly options: RuleOptions,
    private readonly hostReaders?: Set<string>,
    private readonly ruleId = '',
  ) {}

  get host(): HostInfo {
    this.hostReaders?.add(this.ruleId);
    return this.hostInfo;
  }

  cost(): LayerCosts {
    this.hostReaders?.add(this.ruleId);
    return computeLayerCosts(this.model, this.hostInfo);
  }

  report(report: Report): void {
    const fixes = report.fixes;
    if (fixes && fixes.length > 0) {
      const kept = fixesThatParse(this.whole, this.scripts, fixes);
      if (kept !== fixes) report = { ...report, fixes: kept };
    }
    this.reports.push(report);
  }
}

/** A finding before suppression and severity: what a rule reported, on the instruction it is on. */
export interface RawFinding {
  message: string;
  range: Range;
  fixes: Fix[];
  tags: Tag[];
  instructionIndex: number | undefined;
}

/**
 * Runs `rule` on `view` (the whole model or a part of it): what it reported,
 * also before a throw, and what it threw. A report is on the instruction it
 * names, else on the one containing its start.
 */
export function runRule(rule: Rule, whole: DockerfileModel, view: DockerfileModel, host: HostInfo, opts: RuleOptions, hostReaders?: Set<string>): { raws: RawFinding[]; error: string | undefined } {
  const run = new RuleRun(whole, view, host, opts, hostReaders, rule.meta.id);
  let error: string | undefined;
  try {
    rule.check(run);
  } catch (e) {
    error = e instanceof Error ? e.stack ?? e.message : String(e);
  }
  const raws: RawFinding[] = new Array<RawFinding>(run.reports.length);
  for (let j = 0; j < raws.length; j++) {
    const r = run.reports[j];
    const instr = r.instruction ?? instructionAt(whole, r.range.start);
    raws[j] = { message: r.message, range: r.range, fixes: r.fixes ?? [], tags: r.tags ?? [], instructionIndex: instr?.index };
  }
  return { raws, error };
}
