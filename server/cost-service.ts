import { URI } from 'vscode-uri';
import { AptTable } from '../shared-rules/layer-cost/apt/table';
import { DockerfileModel } from '../shared-rules/model/types';
import { loadDebianTable } from '../shared-rules/platform/node/debian-table';
import { ContextSizes } from './context-sizes';

/**
 * The server's side of the layer-cost model: the Debian package table
 * (loaded once, when a document first needs it) and one build-context measurer per
 * Dockerfile on disk. Everything the core reads from here is synchronous.
 */
export class CostService {
  aptTable: AptTable | undefined;
  private readonly contexts = new Map<string, ContextSizes>();
  private loadError: string | undefined;

  get aptTableFailed(): boolean {
    return this.loadError !== undefined;
  }

  loadAptTable(): string | undefined {
    if (this.aptTable || this.loadError) return this.loadError;
    try {
      this.aptTable = loadDebianTable();
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e);
    }
    return this.loadError;
  }

  contextFor(uri: string): ContextSizes | undefined {
    let sizes = this.contexts.get(uri);
    if (sizes) return sizes;
    try {
      const parsed = URI.parse(uri);
      if (parsed.scheme !== 'file') return undefined;
      sizes = new ContextSizes(parsed.fsPath);
    } catch {
      return undefined;
    }
    this.contexts.set(uri, sizes);
    return sizes;
  }

  /** Measures COPY sources not measured yet; true when new numbers arrived. */
  async measure(uri: string, model: DockerfileModel): Promise<boolean> {
    const sizes = this.contextFor(uri);
    return sizes ? sizes.ensure(model) : false;
  }

  /** Files in some build context changed (e.g. a .dockerignore). */
  invalidateContexts(): void {
    for (const s of this.contexts.values()) s.invalidate();
  }

  forget(uri: string): void {
    this.contexts.delete(uri);
  }
}
