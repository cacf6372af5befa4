// A minimal LSP client over a child process's stdio, with the timing hooks
// the benchmark needs: every publishDiagnostics is time-stamped on arrival.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** `env`: variables added to this process's environment for the server. */
export function lspServer(root, command, args, env = {}) {
  const require = createRequire(join(root, 'package.json'));
  const rpc = require('vscode-languageserver-protocol/node');
  const proc = spawn(command, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d.toString()));
  // The server may exit first on `exit`: a late write must not crash the benchmark.
  proc.stdin.on('error', () => undefined);
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const published = new Map();
  let waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    const list = published.get(p.uri) ?? [];
    list.push({ at, params: p });
    published.set(p.uri, list);
    waiters = waiters.filter((w) => {
      if (w.uri !== p.uri || !w.pred(p, list.length)) return true;
      clearTimeout(w.timer);
      w.resolve({ at, params: p });
      return false;
    });
  });
  // Servers that ask for configuration get none: both run with their defaults plus initializationOptions.
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();

  return {
    pid: proc.pid,
    stderr: () => stderr,
    count: (uri) => published.get(uri)?.length ?? 0,
    last: (uri) => published.get(uri)?.at(-1)?.params,
    async initialize(initializationOptions) {
      return connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        initializationOptions,
        capabilities: {
          textDocument: {
            publishDiagnostics: { versionSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } }, resolveSupport: { properties: ['edit'] } },
            synchronization: { didSave: true },
          },
          workspace: {},
        },
      });
    },
    notify: (method, params) => connection.sendNotification(method, params),
    request: (method, params) => connection.sendRequest(method, params),
    /** Resolves with the first publication (already received or future) for `uri` that `pred(params, count)` accepts. */
    waitFor(uri, pred, timeoutMs = 120_000) {
      const list = published.get(uri) ?? [];
      for (let i = 0; i < list.length; i++) if (pred(list[i].params, i + 1)) return Promise.resolve(list[i]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
        waiters.push({ uri, pred, resolve, timer });
      });
    },
    /** Peak resident set size in bytes (Linux), read before the process exits. */
    peakRss() {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        return m ? Number(m[1]) * 1024 : NaN;
      } catch {
        return NaN;
      }
    },
    async shutdown() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit').catch(() => undefined);
        await new Promise((r) => setTimeout(r, Number(process.env.EXIT_WAIT ?? 20)));
      } catch {
        // Already gone.
      }
      connection.dispose();
      proc.kill();
    },
  };
}
