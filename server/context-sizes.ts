import { basename, dirname } from 'node:path';
import { ContextSize } from '../shared-rules/layer-cost/types';
import { DockerfileModel } from '../shared-rules/model/types';
import { BuildContextScanner, readIgnoreFile } from '../shared-rules/platform/node/context-walker';

/** COPY/ADD source lists of a model that can be measured in the build context. */
export function measurableSources(model: DockerfileModel): string[][] {
  const out: string[][] = [];
  for (const i of model.instructions) {
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.heredocs.length > 0 || i.flags.some((f) => f.name === 'from')) continue;
    const sources = i.args.slice(0, -1).map((a) => a.value);
    if (sources.length === 0 || sources.some((s) => s.includes('$') || /^(https?|git):\/\/|^git@/.test(s))) continue;
    out.push(sources);
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

  /** A .dockerignore appeared, changed or went away, or files changed. */
  invalidate(): void {
    const ignore = readIgnoreFile(this.contextDir, this.dockerfilePath);
    this.dockerignore = ignore !== undefined;
    this.scanner.setIgnoreText(ignore?.text);
    this.scanner.invalidate();
    this.results.clear();
  }

  /**
   * Measures what is not measured yet. A newer call cancels an older one
   * (the document changed). Resolves to true when new numbers arrived.
   */
  async ensure(model: DockerfileModel): Promise<boolean> {
    const todo = measurableSources(model).filter((s) => !this.results.has(key(s)));
    if (todo.length === 0) return false;
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
