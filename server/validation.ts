import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import { DocumentStore } from './document-store';

/**
 * Validation off the request path: changes schedule a run after a short
 * delay, a newer change replaces the pending run (bursts coalesce), and a
 * result is never published for a version older than one already published.
 */
export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: DocumentStore,
    private readonly delay: () => number,
    private readonly enabled: () => boolean,
  ) {}

  schedule(uri: string, immediate = false): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.run(uri);
    }, immediate ? 0 : this.delay());
    this.timers.set(uri, timer);
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, true);
  }

  private run(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const last = this.published.get(uri);
    if (last !== undefined && last > doc.version) return;
    let diagnostics;
    try {
      diagnostics = this.enabled() ? this.store.analysis(doc).result.findings.map(toDiagnostic) : [];
    } catch (e) {
      this.connection.console.error(`Layerwise: validation failed for ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return;
    }
    this.published.set(uri, doc.version);
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  close(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
