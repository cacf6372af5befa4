// The editor scenarios the benchmark times against one running server.
import { performance } from 'node:perf_hooks';
import { sleep } from './stats.mjs';

const QUIET_MS = 150;

/** Lines where typing happens: package names continued with `\`, and instruction keywords to hover. */
export function positions(text) {
  const lines = text.split('\n');
  const typing = [];
  const keywords = [];
  const froms = [];
  lines.forEach((l, i) => {
    const m = /^(\s+)([a-z0-9][a-z0-9.+-]*) \\$/.exec(l);
    if (m) typing.push({ line: i, character: m[1].length + m[2].length });
    if (/^(RUN|FROM|COPY|ENV|WORKDIR) /.test(l)) keywords.push({ line: i, character: 1 });
    if (l.startsWith('FROM ')) froms.push(i);
  });
  return { typing, keywords, froms };
}

function spread(list, n) {
  if (list.length <= n) return list;
  const out = [];
  for (let k = 0; k < n; k++) out.push(list[Math.floor(((k + 0.5) * list.length) / n)]);
  return out;
}

/**
 * Versioned servers are matched on the version; the peer publishes without
 * one, once per change, so its k-th publication after a change answers it.
 */
function answered(server, uri, version, baseCount, changes) {
  return server.waitFor(uri, (p, count) => (p.version !== undefined && p.version !== null ? p.version === version : count >= baseCount + changes));
}

export class Session {
  constructor(server, uri, text) {
    this.server = server;
    this.uri = uri;
    this.text = text;
    this.version = 1;
  }

  async open() {
    const base = this.server.count(this.uri);
    const t0 = performance.now();
    this.server.notify('textDocument/didOpen', { textDocument: { uri: this.uri, languageId: 'dockerfile', version: 1, text: this.text } });
    const { at } = await answered(this.server, this.uri, 1, base, 1);
    return at - t0;
  }

  close() {
    this.server.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
  }

  change(position, text) {
    this.version++;
    this.server.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [{ range: { start: position, end: position }, text }] });
  }

  /** One character typed after a pause, until its diagnostics arrive. */
  async keystrokes(where, n) {
    const out = [];
    for (const p of spread(where, n)) {
      await sleep(QUIET_MS);
      const base = this.server.count(this.uri);
      const t0 = performance.now();
      this.change(p, 'x');
      const { at } = await answered(this.server, this.uri, this.version, base, 1);
      out.push(at - t0);
    }
    return out;
  }

  /** `count` characters typed `intervalMs` apart at one place; time from the last one to its diagnostics. */
  async burst(where, count, intervalMs) {
    await sleep(QUIET_MS);
    const base = this.server.count(this.uri);
    let last = 0;
    for (let k = 0; k < count; k++) {
      if (k > 0) await sleep(intervalMs);
      this.change({ line: where.line, character: where.character + k }, String.fromCharCode(97 + (k % 26)));
      last = performance.now();
    }
    const { at } = await answered(this.server, this.uri, this.version, base, count);
    return at - last;
  }

  async hovers(where, n) {
    await sleep(QUIET_MS);
    const out = [];
    for (const p of spread(where, n)) {
      const t0 = performance.now();
      await this.server.request('textDocument/hover', { textDocument: { uri: this.uri }, position: p });
      out.push(performance.now() - t0);
    }
    return out;
  }

  /**
   * Inlay hints for 50 lines around a FROM (its stage total among them), each
   * asked right after a keystroke's diagnostics, as an editor asks after every
   * edit. `froms` are the FROM lines.
   */
  async inlayHints(typing, froms, n) {
    const keys = spread(typing, n);
    const at = spread(froms, n);
    const out = [];
    for (let k = 0; k < Math.min(keys.length, at.length); k++) {
      await this.keystrokes([keys[k]], 1);
      const line = at[k];
      const t0 = performance.now();
      await this.server.request('textDocument/inlayHint', { textDocument: { uri: this.uri }, range: { start: { line: Math.max(0, line - 20), character: 0 }, end: { line: line + 30, character: 0 } } });
      out.push(performance.now() - t0);
    }
    return out;
  }

  /** Light-bulb requests on published diagnostics, each with its diagnostic in the context. */
  async codeActions(n, keywords) {
    await sleep(QUIET_MS);
    const diagnostics = this.server.last(this.uri)?.diagnostics ?? [];
    // A server that found nothing is asked where the cursor would be: on instruction keywords.
    const requests = diagnostics.length > 0
      ? spread(diagnostics, n).map((d) => ({ range: d.range, diagnostics: [d] }))
      : spread(keywords, n).map((p) => ({ range: { start: p, end: p }, diagnostics: [] }));
    const out = [];
    for (const r of requests) {
      const t0 = performance.now();
      await this.server.request('textDocument/codeAction', { textDocument: { uri: this.uri }, range: r.range, context: { diagnostics: r.diagnostics } });
      out.push(performance.now() - t0);
    }
    return out;
  }
}
