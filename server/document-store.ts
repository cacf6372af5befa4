import { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalLinter } from '../shared-rules/engine/incremental';
import { LintConfig, Linter, LintResult } from '../shared-rules/engine/lint';
import { HostInfo } from '../shared-rules/engine/types';
import { parseDockerfile } from '../shared-rules/model/parse';
import { DockerfileModel } from '../shared-rules/model/types';
import { formatCount } from '../shared-rules/layer-cost/format';

export interface Analysis {
  uri: string;
  version: number;
  result: LintResult;
  /** Set when the file is too large for the full analysis: what was left out, for one diagnostic. */
  degraded?: string;
}

/** Far larger than any real Dockerfile: only per-instruction rules run, so editing stays responsive. */
export const LARGE_FILE_BYTES = 1_000_000;
export const LARGE_FILE_LINES = 50_000;

interface Entry {
  /** Model of the newest text seen, the base of the next incremental parse. */
  model: DockerfileModel;
  modelVersion: number;
  analysis: Analysis | undefined;
  generation: number;
  linter: IncrementalLinter;
}

/**
 * The model and rule results of each open document, computed once per
 * document version (and settings generation). Every request reads from here;
 * nothing else parses. A new version re-parses only the instructions an edit
 * touched and re-runs scoped rules only on the stages and instructions whose
 * text or context changed (shared-rules/engine/incremental.ts).
 *
 * Memory: one entry per open document, each holding its newest model and the
 * findings of its current segments; closed documents are dropped.
 */
export class DocumentStore {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly linter: Linter,
    private readonly configFor: (uri: string) => LintConfig,
    private readonly hostFor: (uri: string) => HostInfo,
  ) {}

  /** The model of the document's current version: parses (incrementally) if needed, never lints. */
  model(doc: TextDocument): DockerfileModel {
    const entry = this.entries.get(doc.uri);
    if (entry && entry.modelVersion === doc.version) return entry.model;
    return this.update(doc, entry).model;
  }

  /** The analysis of the document's current version, computed at most once per version. */
  analysis(doc: TextDocument): Analysis {
    let entry = this.entries.get(doc.uri);
    const hit = entry?.analysis;
    if (entry && hit && hit.version === doc.version && entry.generation === this.generation) return hit;
    if (!entry || entry.modelVersion !== doc.version) entry = this.update(doc, entry);
    if (entry.generation !== this.generation) {
      entry.linter.reset();
      entry.generation = this.generation;
    }
    const { model } = entry;
    const degraded = isLarge(model) ? largeFileNotice(model) : undefined;
    const result = entry.linter.lint(model, this.configFor(doc.uri), this.hostFor(doc.uri), degraded ? { ruleFilter: (r) => r.meta.scope === 'instruction' } : {});
    const analysis: Analysis = { uri: doc.uri, version: doc.version, result, degraded };
    entry.analysis = analysis;
    return analysis;
  }

  private update(doc: TextDocument, entry: Entry | undefined): Entry {
    const model = parseDockerfile(doc.getText(), entry?.model);
    if (entry) {
      entry.model = model;
      entry.modelVersion = doc.version;
      return entry;
    }
    const fresh: Entry = { model, modelVersion: doc.version, analysis: undefined, generation: this.generation, linter: new IncrementalLinter(this.linter) };
    this.entries.set(doc.uri, fresh);
    return fresh;
  }

  /** Settings or the build context changed: every cached result is stale. */
  invalidateAll(): void {
    this.generation++;
  }

  /**
   * What the host knows changed (a document's build context was measured, the
   * package table loaded): the analyses of that document (or of all) are
   * redone with its new host object, and the incremental linter re-runs only
   * the rules that read host data.
   */
  invalidateHost(uri?: string): void {
    for (const [key, entry] of this.entries) if (uri === undefined || key === uri) entry.analysis = undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

function isLarge(model: DockerfileModel): boolean {
  return model.text.length > LARGE_FILE_BYTES || model.lines.lineCount > LARGE_FILE_LINES;
}

function largeFileNotice(model: DockerfileModel): string {
  const lines = model.lines.lineCount - (/\r?\n$/.test(model.text.slice(-2)) ? 1 : 0);
  const size = `${formatCount(lines)} lines, ${(model.text.length / 1_000_000).toFixed(1)} MB`;
  return `This file is very large (${size}): Layerwise checks each instruction on its own and skips the rules that look across instructions and stages, to stay responsive.`;
}
