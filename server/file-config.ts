import { dirname, relative, isAbsolute } from 'node:path';
import { URI } from 'vscode-uri';
import { LintConfig, Linter } from '../shared-rules/engine/lint';
import { findHadolintConfig, loadHadolintConfig } from '../shared-rules/platform/node/config-files';

/**
 * The hadolint configuration layer of each document's folder, looked up once
 * and kept until a watched config file changes (the client watches
 * `.hadolint.yaml`/`.yml`). The search stops at the document's workspace folder.
 */
export class FileConfigCache {
  private readonly byDir = new Map<string, LintConfig | undefined>();
  private roots: string[] = [];

  constructor(
    private readonly linter: Linter,
    private readonly warn: (message: string) => void,
  ) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    this.roots = uris.flatMap((u) => {
      try {
        const p = URI.parse(u);
        return p.scheme === 'file' ? [p.fsPath] : [];
      } catch {
        return [];
      }
    });
    this.clear();
  }

  /** The config-file layer for a document; undefined for untitled/virtual documents or when there is no file. */
  get(uri: string): LintConfig | undefined {
    let path: string;
    try {
      const parsed = URI.parse(uri);
      if (parsed.scheme !== 'file') return undefined;
      path = parsed.fsPath;
    } catch {
      return undefined;
    }
    const dir = dirname(path);
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const stopAt = this.roots.filter((r) => {
      const rel = relative(r, dir);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    }).sort((a, b) => b.length - a.length)[0];
    let layer: LintConfig | undefined;
    try {
      const file = findHadolintConfig(dir, { stopAt });
      if (file) {
        const loaded = loadHadolintConfig(file, this.linter.equivalences.hadolint);
        for (const w of loaded.warnings) this.warn(`Layerwise: ${file}: ${w}`);
        layer = loaded.config;
      }
    } catch (e) {
      this.warn(`Layerwise: cannot read the hadolint configuration for ${path}: ${String(e)}`);
    }
    this.byDir.set(dir, layer);
    return layer;
  }

  clear(): void {
    this.byDir.clear();
  }
}
