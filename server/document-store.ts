import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintConfig, Linter, LintResult } from '../shared-rules/engine/lint';
import { HostInfo } from '../shared-rules/engine/types';
import { parseDockerfile } from '../shared-rules/model/parse';

export interface Analysis {
  uri: string;
  version: number;
  result: LintResult;
}

/**
 * The model and rule results of each open document, computed once per
 * document version (and settings generation). Every request reads from here;
 * nothing else parses.
 */
export class DocumentStore {
  private readonly cache = new Map<string, Analysis & { generation: number }>();
  private generation = 0;

  constructor(
    private readonly linter: Linter,
    private readonly configFor: (uri: string) => LintConfig,
    private readonly hostFor: (uri: string) => HostInfo,
  ) {}

  analysis(doc: TextDocument): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation) return hit;
    const model = parseDockerfile(doc.getText());
    const result = this.linter.lint(model, this.configFor(doc.uri), this.hostFor(doc.uri));
    const entry = { uri: doc.uri, version: doc.version, result, generation: this.generation };
    this.cache.set(doc.uri, entry);
    return entry;
  }

  /** Settings or the build context changed: every cached result is stale. */
  invalidateAll(): void {
    this.generation++;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }
}
