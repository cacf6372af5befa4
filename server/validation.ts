import { Connection, Diagnostic, DiagnosticSeverity, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import { Analysis, DocumentStore } from './document-store';

/**
 * Validation off the request path. The first change after a quiet period is
 * validated at once (one keystroke gets its diagnostics without waiting for a
 * timer); further changes within the validation delay re-arm one timer (never
 * longer than the last validation of the document took), so a burst of
 * keystrokes on a large file is validated once, at its end, on the newest
 * version — a newer version always replaces pending work for an older one. A result is
 * never published for a version older than one already published, and every
 * publication carries its version.
 */
export class ValidationScheduler {
  private readonly timers = new Map<string, Pending>();
  private readonly published = new Map<string, number>();
  private readonly lastChange = new Map<string, number>();
  /** How long the last validation of each document took (ms). */
  private readonly cost = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: DocumentStore,
    private readonly delay: () => number,
    private readonly enabled: () => boolean,
    /** Told how long each published analysis took (ms), right after it is handed to the connection. */
    private readonly analysed: (ms: number) => void = () => undefined,
  ) {}

  schedule(uri: string, immediate = false): void {
    const pending = this.timers.get(uri);
    const now = Date.now();
    const last = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    // A validation already due on the next turn reads the newest version then.
    // Replacing it with a timer would make the document wait the whole delay:
    // every didOpen is followed by a change event in the same turn, and that
    // used to delay every open's diagnostics by the validation delay.
    if (pending && 'immediate' in pending) return;
    if (pending) cancel(pending);
    const delay = this.delay();
    const quiet = pending === undefined && (last === undefined || now - last >= delay);
    // Waiting longer than a validation takes saves nothing: small files are validated on every keystroke.
    const wait = Math.min(delay, this.cost.get(uri) ?? delay);
    const fire = () => {
      this.timers.delete(uri);
      this.run(uri);
    };
    // setTimeout(0) waits at least 1 ms: a fifth of a keystroke's whole round trip at 1,000 lines.
    this.timers.set(uri, immediate || quiet ? { immediate: setImmediate(fire) } : { timeout: setTimeout(fire, wait) });
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, true);
  }

  private run(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const last = this.published.get(uri);
    if (last !== undefined && last > doc.version) return;
    let diagnostics: Diagnostic[];
    const started = Date.now();
    let took: number;
    try {
      diagnostics = this.enabled() ? diagnosticsOf(this.store.analysis(doc)) : [];
      took = Date.now() - started;
      this.cost.set(uri, took);
    } catch (e) {
      this.connection.console.error(`Layerwise: validation failed for ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return;
    }
    this.published.set(uri, doc.version);
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    // Told now, not when the write completes: a collection put off until the
    // ~1 MB of a 20,000-line file's diagnostics were written left peaks of
    // 146-187 MB (six sessions) against 121-147 MB.
    this.analysed(took);
  }

  close(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) cancel(pending);
    this.timers.delete(uri);
    this.published.delete(uri);
    this.lastChange.delete(uri);
    this.cost.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

type Pending = { immediate: NodeJS.Immediate } | { timeout: NodeJS.Timeout };

function cancel(p: Pending): void {
  if ('immediate' in p) clearImmediate(p.immediate);
  else clearTimeout(p.timeout);
}

function diagnosticsOf(analysis: Analysis): Diagnostic[] {
  const out = analysis.result.findings.map(toDiagnostic);
  if (analysis.degraded) {
    out.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, code: 'large-file', source: 'layerwise', message: analysis.degraded });
  }
  return out;
}
