import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { suggestedDockerignore, wholeContextSource } from '../shared-rules/analysis/dockerignore';
import { copySources } from '../shared-rules/layer-cost/model';
import { ContextSize } from '../shared-rules/layer-cost/types';
import { DockerfileModel } from '../shared-rules/model/types';
import { BuildContextScanner, readIgnoreFile } from '../shared-rules/platform/node/context-walker';

/** COPY/ADD source lists of a model that the cost model sizes from the build context. */
export function measurableSources(model: DockerfileModel): string[][] {
  const out: string[][] = [];
  for (const i of model.instructions) {
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
    const src = copySources(i);
    if (src.kind === 'context' && src.sources.length > 0) out.push(src.sources);
  }
  return out;
}

const key = (sources: readonly string[]) => sources.join('\u0000');

/**
 * Sizes of COPY/ADD sources in one Dockerfile's build context, measured in
 * the background and looked up synchronously by the core: a request never
 * waits for a walk of the disk.
 */
export class ContextSizes {
  private results = new Map<string, ContextSize>();
  private scanner: BuildContextScanner;
  private dockerignore: boolean;
  private running: AbortController | undefined;

  constructor(readonly dockerfilePath: string, readonly contextDir: string = dirname(dockerfilePath)) {
    const ignore = readIgnoreFile(this.contextDir, dockerfilePath);
    this.dockerignore = ignore !== undefined;
    this.scanner = new BuildContextScanner(this.contextDir, ignore?.text);
  }

  readonly lookup = (sources: readonly string[]): ContextSize | undefined => this.results.get(key(sources));

  /** Sizes as if the context had the given .dockerignore (only the suggested one is ever measured). */
  readonly lookupWithIgnore = (sources: readonly string[], ignore: string): ContextSize | undefined => this.alternative?.results.get(key(sources) + '\u0001' + ignore);

  private alternative: { ignore: string; scanner: BuildContextScanner; results: Map<string, ContextSize> } | undefined;

  /** Without a .dockerignore, `COPY .` is also measured with the one Layerwise would suggest. */
  private alternativeTodo(model: DockerfileModel): { sources: string[]; ignore: string }[] {
    if (this.dockerignore) return [];
    const whole = model.instructions.filter((i) => wholeContextSource(i) !== undefined);
    if (whole.length === 0) return [];
    let entries: string[] = [];
    try {
      entries = readdirSync(this.contextDir);
    } catch {
      return [];
    }
    const ignore = suggestedDockerignore(model, entries);
    if (this.alternative?.ignore !== ignore) this.alternative = { ignore, scanner: new BuildContextScanner(this.contextDir, ignore), results: new Map() };
    const results = this.alternative.results;
    return whole.map((i) => i.args.slice(0, -1).map((a) => a.value)).filter((sources) => !results.has(key(sources) + '\u0001' + ignore)).map((sources) => ({ sources, ignore }));
  }

  /** A .dockerignore appeared, changed or went away, or files changed. */
  invalidate(): void {
    const ignore = readIgnoreFile(this.contextDir, this.dockerfilePath);
    this.dockerignore = ignore !== undefined;
    this.scanner.setIgnoreText(ignore?.text);
    this.scanner.invalidate();
    this.results.clear();
    this.alternative = undefined;
  }

  /**
   * Measures what is not measured yet. A newer call cancels an older one
   * (the document changed). Resolves to true when new numbers arrived.
   */
  async ensure(model: DockerfileModel): Promise<boolean> {
    const todo = measurableSources(model).filter((s) => !this.results.has(key(s)));
    const alternatives = this.alternativeTodo(model);
    if (todo.length === 0 && alternatives.length === 0) return false;
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    let added = false;
    try {
      for (const sources of todo) {
        if (this.results.has(key(sources))) continue;
        const m = await this.scanner.measure(sources, controller.signal);
        this.results.set(key(sources), { bytes: m.bytes, files: m.files, truncated: m.truncated, top: m.top, dockerignore: this.dockerignore });
        added = true;
      }
      const alt = this.alternative;
      for (const { sources, ignore } of alternatives) {
        if (!alt || alt.ignore !== ignore) break;
        const m = await alt.scanner.measure(sources, controller.signal);
        alt.results.set(key(sources) + '\u0001' + ignore, { bytes: m.bytes, files: m.files, truncated: m.truncated, top: m.top, dockerignore: true });
        added = true;
      }
    } catch (e) {
      if ((e as Error).name !== 'AbortError') throw e;
    } finally {
      if (this.running === controller) this.running = undefined;
    }
    return added;
  }

  get name(): string {
    return basename(this.dockerfilePath);
  }
}
