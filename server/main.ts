import { CodeActionKind, createConnection, DidChangeConfigurationNotification, InitializeParams, InitializeResult, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { defaultLinter } from '../shared-rules/index';
import { LintConfig } from '../shared-rules/engine/lint';
import { HostInfo } from '../shared-rules/engine/types';
import { ready } from '../shared-rules/platform/node/assets';
import { DocumentStore } from './document-store';
import { codeActions, FIX_ALL_KIND } from './handlers/code-actions';
import { hover } from './handlers/hover';
import { hostInfoForFile } from './node-host';
import { DEFAULT_SETTINGS, normalizeSettings, Settings } from './settings';
import { ValidationScheduler } from './validation';
import pkg from '../package.json';

// Transport (--stdio, --node-ipc, --socket=N) is chosen from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const linter = defaultLinter();

let settings: Settings = DEFAULT_SETTINGS;
let configurationSupport = false;
const hostCache = new Map<string, HostInfo>();

function configFor(): LintConfig {
  return { rules: settings.rules };
}

function hostFor(uri: string): HostInfo {
  const hit = hostCache.get(uri);
  if (hit) return hit;
  let info: HostInfo = {};
  try {
    const parsed = URI.parse(uri);
    // Only real files have a build context on disk; untitled and virtual documents get none.
    if (parsed.scheme === 'file') info = hostInfoForFile(parsed.fsPath);
  } catch {
    info = {};
  }
  hostCache.set(uri, info);
  return info;
}

const store = new DocumentStore(linter, configFor, hostFor);
const scheduler = new ValidationScheduler(connection, documents, store, () => settings.validationDelay, () => settings.enable);

async function refreshSettings(): Promise<void> {
  if (!configurationSupport) return;
  try {
    const raw: unknown = await connection.workspace.getConfiguration('layerwise');
    settings = normalizeSettings(raw);
  } catch (e) {
    connection.console.warn(`Layerwise: could not read settings: ${String(e)}`);
  }
  store.invalidateAll();
  scheduler.scheduleAll();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  configurationSupport = params.capabilities.workspace?.configuration === true;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (init?.settings) settings = normalizeSettings(init.settings);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: false },
    },
    serverInfo: { name: 'layerwise', version: pkg.version },
  };
});

connection.onInitialized(() => {
  if (configurationSupport) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'layerwise' }).catch(() => undefined);
    void refreshSettings();
  }
});

connection.onDidChangeConfiguration((change) => {
  if (configurationSupport) void refreshSettings();
  else {
    const s = (change.settings as { layerwise?: unknown } | undefined)?.layerwise;
    settings = normalizeSettings(s);
    store.invalidateAll();
    scheduler.scheduleAll();
  }
});

connection.onDidChangeWatchedFiles(() => {
  // A .dockerignore or config file appeared, changed or went away.
  hostCache.clear();
  store.invalidateAll();
  scheduler.scheduleAll();
});

documents.onDidOpen((e) => scheduler.schedule(e.document.uri, true));
documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
documents.onDidClose((e) => {
  store.delete(e.document.uri);
  hostCache.delete(e.document.uri);
  scheduler.close(e.document.uri);
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  try {
    return hover(store.analysis(doc), linter, params.position);
  } catch (e) {
    connection.console.error(`Layerwise: hover failed: ${String(e)}`);
    return null;
  }
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  try {
    return codeActions(store.analysis(doc), doc, params, linter, configFor(), hostFor(doc.uri));
  } catch (e) {
    connection.console.error(`Layerwise: code actions failed: ${String(e)}`);
    return [];
  }
});

process.on('uncaughtException', (e) => connection.console.error(`Layerwise: unexpected error: ${e.stack ?? e.message}`));

documents.listen(connection);
// The shell parser is WASM and loads asynchronously; no request is served before it is ready.
ready().then(
  () => connection.listen(),
  (e: unknown) => {
    process.stderr.write(`Layerwise: cannot load the shell parser: ${String(e)}\n`);
    process.exit(1);
  },
);
