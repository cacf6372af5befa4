import { CodeActionKind, createConnection, DidChangeConfigurationNotification, InitializeParams, InitializeResult, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { defaultLinter } from '../shared-rules/index';
import { LintConfig } from '../shared-rules/engine/lint';
import { HostInfo } from '../shared-rules/engine/types';
import { ready } from '../shared-rules/platform/node/assets';
import { shellParserReady } from '../shared-rules/shell/parser';
import { DocumentStore } from './document-store';
import { codeActions, FIX_ALL_KIND, resolveCodeAction } from './handlers/code-actions';
import { hover } from './handlers/hover';
import { codeLenses, inlayHints } from './handlers/inlay-hints';
import { CostService } from './cost-service';
import { computeLayerCosts, needsAptTable } from '../shared-rules/layer-cost/model';
import { hostInfoForFile } from './node-host';
import { DEFAULT_SETTINGS, normalizeSettings, Settings } from './settings';
import { ValidationScheduler } from './validation';
import { FileConfigCache } from './file-config';
import { mergeConfig } from '../shared-rules/config/merge';
import pkg from '../package.json';
import { setFlagsFromString } from 'v8';

// The shell grammar is a large WASM module. V8's default tiering recompiles
// its hot functions with TurboFan in background threads, which left ~30 MB
// more resident in this long-lived process (measured on the bench files) for a
// ~25% faster shell parse, i.e. ~15 µs per edited RUN: baseline code only.
// The flag is read when a module is compiled, so it must be set before ready().
setFlagsFromString('--liftoff-only');
// V8 lets the old generation grow by up to 4× before a full collection when
// collecting looks cheap; a large document's versions then pile up as garbage
// (peak RSS at 20,000 lines: ~400 MB). A fixed 1.5× keeps the peak near 260 MB
// for the same keystroke latency. Read at every heap-limit computation.
setFlagsFromString('--heap-growing-percent=50');
// The young generation keeps its initial size rather than doubling (up to
// 32 MB) whenever a document's analysis allocates a lot: ~25 MB less peak RSS
// at 1,000 lines. Read whenever new space would grow.
setFlagsFromString('--semi-space-growth-factor=1');

// Transport (--stdio, --node-ipc, --socket=N) is chosen from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const linter = defaultLinter();

let settings: Settings = DEFAULT_SETTINGS;
let configurationSupport = false;
const hostCache = new Map<string, HostInfo>();
const costs = new CostService();
const measureTimers = new Map<string, NodeJS.Timeout>();
let inlayRefreshSupport = false;
let codeActionResolveSupport = false;
let codeLensRefreshSupport = false;

// Precedence: inline comments (at lint time) > VS Code settings > .hadolint.yaml > rule defaults.
const fileConfigs = new FileConfigCache(linter, (m) => connection.console.warn(m));

function configFor(uri?: string): LintConfig {
  return mergeConfig(uri ? fileConfigs.get(uri) : undefined, { rules: settings.rules });
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
  const sizes = costs.contextFor(uri);
  info = { ...info, aptTable: costs.aptTable, contextSize: sizes?.lookup, contextSizeWithIgnore: sizes?.lookupWithIgnore };
  hostCache.set(uri, info);
  return info;
}

const store = new DocumentStore(linter, configFor, hostFor);
const scheduler = new ValidationScheduler(connection, documents, store, () => settings.validationDelay, () => settings.enable);

/** Editors re-request inlay hints / code lenses when the numbers behind them changed. */
function refreshCostViews(): void {
  if (inlayRefreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (codeLensRefreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

/**
 * Redo the analysis after an input other than the text changed (settings,
 * files on disk, size data): of one document, or of all of them.
 */
function revalidate(uri?: string): void {
  if (uri) {
    // A new host object too: cost results are memoized per (model, host).
    hostCache.delete(uri);
    store.invalidate(uri);
    scheduler.schedule(uri, true);
  } else {
    hostCache.clear();
    store.invalidateAll();
    scheduler.scheduleAll();
  }
  refreshCostViews();
}

/**
 * Measures the build context for COPY/ADD a little after the last change,
 * off the request path; new numbers re-validate (fix titles carry savings)
 * and refresh the inlay hints.
 */
function scheduleMeasure(uri: string): void {
  const pending = measureTimers.get(uri);
  if (pending) clearTimeout(pending);
  measureTimers.set(
    uri,
    setTimeout(() => {
      measureTimers.delete(uri);
      const doc = documents.get(uri);
      if (!doc) return;
      let model;
      try {
        model = store.analysis(doc).result.model;
      } catch {
        // The shell parser is still loading: measure once it is there.
        if (!shellParserReady()) void ready().then(() => scheduleMeasure(uri), () => undefined);
        return;
      }
      loadAptTableIfNeeded(model);
      costs.measure(uri, model).then(
        (added) => {
          if (added) revalidate(uri);
        },
        (e: unknown) => connection.console.warn(`Layerwise: measuring the build context failed: ${String(e)}`),
      );
    }, 250),
  );
}

/**
 * The Debian package table costs tens of MB and a few hundred ms to load, so
 * it is loaded only once an open document installs apt packages on a
 * Debian/Ubuntu (or unknown) base; then what was computed without it is redone.
 */
function loadAptTableIfNeeded(model: Parameters<typeof needsAptTable>[0]): void {
  if (costs.aptTable || costs.aptTableFailed || !needsAptTable(model)) return;
  const error = costs.loadAptTable();
  if (error) connection.console.warn(`Layerwise: apt size data unavailable: ${error}`);
  revalidate();
}

function costsFor(uri: string, model: Parameters<typeof computeLayerCosts>[0]) {
  return computeLayerCosts(model, hostFor(uri));
}

async function refreshSettings(): Promise<void> {
  if (!configurationSupport) return;
  try {
    const raw: unknown = await connection.workspace.getConfiguration('layerwise');
    settings = normalizeSettings(raw);
  } catch (e) {
    connection.console.warn(`Layerwise: could not read settings: ${String(e)}`);
  }
  revalidate();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  configurationSupport = params.capabilities.workspace?.configuration === true;
  inlayRefreshSupport = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  codeLensRefreshSupport = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  codeActionResolveSupport = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
  fileConfigs.setWorkspaceFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  setImmediate(loadShellParser);
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (init?.settings) settings = normalizeSettings(init.settings);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: true },
      inlayHintProvider: { resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
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
    revalidate();
  }
});

connection.onDidChangeWatchedFiles(() => {
  // A .dockerignore or config file appeared, changed or went away.
  fileConfigs.clear();
  costs.invalidateContexts();
  revalidate();
  for (const doc of documents.all()) scheduleMeasure(doc.uri);
});

documents.onDidOpen((e) => {
  scheduler.schedule(e.document.uri, true);
  scheduleMeasure(e.document.uri);
});
documents.onDidChangeContent((e) => {
  scheduler.schedule(e.document.uri);
  scheduleMeasure(e.document.uri);
});
documents.onDidClose((e) => {
  store.delete(e.document.uri);
  hostCache.delete(e.document.uri);
  costs.forget(e.document.uri);
  scheduler.close(e.document.uri);
});

// Requests are answered synchronously from the document store; one cancelled
// while it waited in the queue ($/cancelRequest) is not computed at all.
connection.onHover((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || token.isCancellationRequested) return null;
  try {
    const analysis = store.analysis(doc);
    return hover(analysis, linter, params.position, () => costsFor(doc.uri, analysis.result.model));
  } catch (e) {
    connection.console.error(`Layerwise: hover failed: ${String(e)}`);
    return null;
  }
});

connection.onCodeAction((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || token.isCancellationRequested) return [];
  try {
    return codeActions(store.analysis(doc), doc, params, linter, configFor(doc.uri), hostFor(doc.uri), codeActionResolveSupport);
  } catch (e) {
    connection.console.error(`Layerwise: code actions failed: ${String(e)}`);
    return [];
  }
});

connection.onCodeActionResolve((action, token) => {
  const uri = (action.data as { fixAll?: { uri?: unknown } } | undefined)?.fixAll?.uri;
  const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
  if (!doc || token.isCancellationRequested) return action;
  try {
    return resolveCodeAction(action, doc, linter, configFor(doc.uri), hostFor(doc.uri));
  } catch (e) {
    connection.console.error(`Layerwise: resolving a code action failed: ${String(e)}`);
    return action;
  }
});

connection.languages.inlayHint.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || settings.layerCost !== 'inlayHints') return [];
  try {
    const { model } = store.analysis(doc).result;
    return inlayHints(model, costsFor(doc.uri, model), params.range);
  } catch (e) {
    connection.console.error(`Layerwise: inlay hints failed: ${String(e)}`);
    return [];
  }
});

connection.onCodeLens((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || settings.layerCost !== 'codeLens') return [];
  try {
    const { model } = store.analysis(doc).result;
    return codeLenses(model, costsFor(doc.uri, model));
  } catch (e) {
    connection.console.error(`Layerwise: code lenses failed: ${String(e)}`);
    return [];
  }
});

process.on('uncaughtException', (e) => connection.console.error(`Layerwise: unexpected error: ${e.stack ?? e.message}`));

documents.listen(connection);
connection.listen();

/**
 * The WASM shell parser loads after the initialize response is on its way
 * (a few ms of file reads and compilation the handshake need not wait for).
 * Until it is ready the store lints nothing: validation waits for it and
 * requests get empty answers.
 */
function loadShellParser(): void {
  ready().catch((e: unknown) => {
    process.stderr.write(`Layerwise: cannot load the shell parser: ${String(e)}\n`);
    process.exit(1);
  });
}
