import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createProtocolConnection, InitializeRequest, ProtocolConnection, PublishDiagnosticsParams, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter, ConfigurationRequest } from 'vscode-languageserver-protocol/node';

export const REPO = join(__dirname, '..', '..', '..');
export const SERVER = join(REPO, 'dist', 'server.js');

/**
 * A real LSP client over the built server's stdio: what any editor does.
 * Waits are event-driven (a diagnostics notification for a given version),
 * never fixed sleeps.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly proc: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  settings: unknown = {};
  stderr = '';

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.listen();
  }

  async initialize(workspaceConfiguration = true) {
    return this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: workspaceConfiguration, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      workspaceFolders: null,
    });
  }

  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20000): Promise<PublishDiagnosticsParams> {
    const current = this.diagnostics.get(uri);
    if (current && pred(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone.
    }
    this.connection.dispose();
    this.proc.kill();
  }
}
