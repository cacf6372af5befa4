import { CodeActionKind, createConnection, DidChangeConfigurationNotification, InitializeParams, InitializeResult, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { setFlagsFromString } from 'v8';
import type * as Core from './core';
import type { CostService } from './cost-service';
import type { DocumentStore } from './document-store';
import type { FileConfigCache } from './file-config';
import type { ValidationScheduler } from './validation';
import type { LintConfig, Linter } from '../shared-rules/engine/lint';
import type { HostInfo } from '../shared-rules/engine/types';
import type { DockerfileModel } from '../shared-rules/model/types';
import { DEFAULT_SETTINGS, normalizeSettings, Settings } from './settings';
import { CollectAfterLongAnalysis } from './collect-after-analysis';
import { collectFully } from './full-collection';

/** The manifest's version, inlined by scripts/build.mjs (`define`); tsc output reads the manifest. */
declare const LAYERWISE_VERSION: string | undefined;
const VERSION = typeof LAYERWISE_VERSION === 'string' ? LAYERWISE_VERSION : (require('../package.json') as { version: string }).version;
// Not imported from ./handlers/code-actions, which would bring the core into
// the start-up bundle; the type keeps the two spellings equal.
const FIX_ALL_KIND: typeof import('./handlers/code-actions').FIX_ALL_KIND = 'source.fixAll.layerwise';

// V8 lets the old generation grow by up to 4× before a full collection when
// collecting looks cheap; a large document's versions then pile up as garbage
// (peak RSS at 20,000 lines: ~400 MB). A fixed growth bounds it. 1.3× rather
// than 1.5×: the limit is set from what was live at the last full collection,
// and one that runs during a keystroke's analysis counts that analysis' working
// set. Over three full benchmark runs each, single 20,000-line sessions peaked
// at 121-161 MB (median 127) at 1.3× and at 131-170 MB (median 139) at 1.5×;
// the high ones are rarer, not gone (the full collection after a long
// analysis, below, removes most of the rest). The price is more full
// collections: a keystroke at 20,000 lines took 57-65 ms against 42-50 ms; at
// 1,000 lines no change.
// Read at every heap-limit computation.
setFlagsFromString('--heap-growing-percent=30');
// The young generation keeps its initial size rather than doubling (up to
// 32 MB) whenever a document's analysis allocates a lot: ~25 MB less peak RSS
// at 1,000 lines. Read whenever new space would grow.
setFlagsFromString('--semi-space-growth-factor=1');
// No Sparkplug (baseline machine code between the interpreter and the
// optimizing compiler): its code stays resident in this long-lived process,
// ~3.5 MB of peak RSS on a 100-line session, and keystroke latency at 1,000
// and 20,000 lines did not change without it. Read at every tier-up decision.
setFlagsFromString('--no-sparkplug');
// No inlining in the optimizing compiler: the compiler's zone memory, taken on
// its background thread, stays in that thread's malloc arena after the job is
// done. Without inlining the jobs are smaller: ~3 MB less peak RSS on a
// 100-line session (67-68 vs 70-71 MB, three runs each); a keystroke at 1,000
// and 20,000 lines in process: 1.26 vs 1.40 ms and 21.0 vs 20.4 ms (medians of
// 200). Read at every optimization.
setFlagsFromString('--no-turbo-inlining');

// Transport (--stdio, --node-ipc, --socket=N) is chosen from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let settings: Settings = DEFAULT_SETTINGS;
let configurationSupport = false;
let workspaceFolders: string[] = [];
const hostCache = new Map<string, HostInfo>();
const measureTimers = new Map<string, NodeJS.Timeout>();
let inlayRefreshSupport = false;
let codeActionResolveSupport = false;
let codeLensRefreshSupport = false;

interface Services {
  core: typeof Core;
  linter: Linter;
  costs: CostService;
  fileConfigs: FileConfigCache;
  store: DocumentStore;
  scheduler: ValidationScheduler;
}
let services: Services | undefined;

/**
 * The rules, the analysis and the handlers (server/core.ts, its own bundle),
 * loaded after the initialize response is sent, or earlier if a message
 * needs them first.
 */
function svc(): Services {
  if (services) return services;
  // A plain require: scripts/build.mjs points it at dist/server-core.js.
  const core = require('./core') as typeof Core;
  const linter = core.defaultLinter();
  // Precedence: inline comments (at lint time) > VS Code settings > .hadolint.yaml > rule defaults.
  const fileConfigs = new core.FileConfigCache(linter, (m) => connection.console.warn(m));
  fileConfigs.setWorkspaceFolders(workspaceFolders);
  const store = new core.DocumentStore(linter, configFor, hostFor);
  // A full collection after each long analysis (see collect-after-analysis.ts).
  const collector = new CollectAfterLongAnalysis(collectFully);
  const scheduler = new core.ValidationScheduler(connection, documents, store, () => settings.validationDelay, () => settings.enable, (ms) => collector.analysed(ms));
  services = { core, linter, costs: new core.CostService(), fileConfigs, store, scheduler };
  return services;
}

function configFor(uri?: string): LintConfig {
  const { core, fileConfigs } = svc();
  return core.mergeConfig(uri ? fileConfigs.get(uri) : undefined, { rules: settings.rules });
}

function hostFor(uri: string): HostInfo {
  const hit = hostCache.get(uri);
  if (hit) return hit;
  const { core, costs } = svc();
  let info: HostInfo = {};
  try {
    const parsed = core.URI.parse(uri);
    // Only real files have a build context on disk; untitled and virtual documents get none.
    if (parsed.scheme === 'file') info = core.hostInfoForFile(parsed.fsPath);
  } catch {
    info = {};
  }
  const sizes = costs.contextFor(uri);
  info = { ...info, aptTable: costs.aptTable, contextSize: sizes?.lookup, contextSizeWithIgnore: sizes?.lookupWithIgnore };
  hostCache.set(uri, info);
  return info;
}

/** Editors re-request inlay hints / code lenses when the numbers behind them changed. */
function refreshCostViews(): void {
  if (inlayRefreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (codeLensRefreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

/** Redo every analysis from scratch after settings or files on disk changed. */
function revalidate(): void {
  hostCache.clear();
  const { store, scheduler } = svc();
  store.invalidateAll();
  scheduler.scheduleAll();
  refreshCostViews();
}

/**
 * Redo the analysis after the host data changed (size data: a measured build
 * context, the package table), of one document or of all: each gets a new host
 * object, since cost results are memoized per (model, host), and the
 * incremental linter re-runs only the rules that read it.
 */
function revalidateHost(uri?: string): void {
  if (uri) hostCache.delete(uri);
  else hostCache.clear();
  const { store, scheduler } = svc();
  store.invalidateHost(uri);
  if (uri) scheduler.schedule(uri, true);
  else scheduler.scheduleAll();
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
      const model = costModelOf(doc);
      loadAptTableIfNeeded(model);
      svc().costs.measure(uri, model).then(
        (added) => {
          if (added) revalidateHost(uri);
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
function loadAptTableIfNeeded(model: DockerfileModel): void {
  const { core, costs } = svc();
  if (costs.aptTable || costs.aptTableFailed || !core.needsAptTable(model)) return;
  const error = costs.loadAptTable();
  if (error) connection.console.warn(`Layerwise: apt size data unavailable: ${error}`);
  revalidateHost();
}

function costsFor(uri: string, model: DockerfileModel) {
  return svc().core.computeLayerCosts(model, hostFor(uri));
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
  workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  services?.fileConfigs.setWorkspaceFolders(workspaceFolders);
  // This handler's result is written in a later turn of the event loop
  // (vscode-jsonrpc queues writes with setImmediate): load the core after that.
  setImmediate(() => setImmediate(loadCore));
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
    serverInfo: { name: 'layerwise', version: VERSION },
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
  const { fileConfigs, costs } = svc();
  fileConfigs.clear();
  costs.invalidateContexts();
  revalidate();
  for (const doc of documents.all()) scheduleMeasure(doc.uri);
});

documents.onDidOpen((e) => {
  // Before the first analysis, not after it: a table loaded later re-runs the
  // rules that read it, and at 20,000 lines a second analysis right after the
  // first one raised the peak memory.
  loadAptTableIfNeeded(costModelOf(e.document));
  svc().scheduler.schedule(e.document.uri, true);
  scheduleMeasure(e.document.uri);
});
documents.onDidChangeContent((e) => {
  svc().scheduler.schedule(e.document.uri);
  scheduleMeasure(e.document.uri);
});
documents.onDidClose((e) => {
  const { store, costs, scheduler } = svc();
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
    const { core, store, linter } = svc();
    const analysis = store.analysis(doc);
    return core.hover(analysis, linter, params.position, () => costsFor(doc.uri, analysis.result.model));
  } catch (e) {
    connection.console.error(`Layerwise: hover failed: ${String(e)}`);
    return null;
  }
});

connection.onCodeAction((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || token.isCancellationRequested) return [];
  try {
    const { core, store, linter } = svc();
    return core.codeActions(store.analysis(doc), doc, params, linter, configFor(doc.uri), hostFor(doc.uri), codeActionResolveSupport);
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
    const { core, linter } = svc();
    return core.resolveCodeAction(action, doc, linter, configFor(doc.uri), hostFor(doc.uri));
  } catch (e) {
    connection.console.error(`Layerwise: resolving a code action failed: ${String(e)}`);
    return action;
  }
});

/**
 * The build-context measurement, inlay hints and code lenses need the model
 * and its costs, not a lint: an editor asks for hints after every change, and
 * linting each of those versions undid the coalescing of validation on large
 * files.
 */
function costModelOf(doc: TextDocument): DockerfileModel {
  return svc().store.model(doc);
}

connection.languages.inlayHint.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || settings.layerCost !== 'inlayHints') return [];
  try {
    const model = costModelOf(doc);
    return svc().core.inlayHints(model, costsFor(doc.uri, model), params.range);
  } catch (e) {
    connection.console.error(`Layerwise: inlay hints failed: ${String(e)}`);
    return [];
  }
});

connection.onCodeLens((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || settings.layerCost !== 'codeLens') return [];
  try {
    const model = costModelOf(doc);
    return svc().core.codeLenses(model, costsFor(doc.uri, model));
  } catch (e) {
    connection.console.error(`Layerwise: code lenses failed: ${String(e)}`);
    return [];
  }
});

process.on('uncaughtException', (e) => connection.console.error(`Layerwise: unexpected error: ${e.stack ?? e.message}`));

documents.listen(connection);
connection.listen();

/**
 * The core loads after the initialize response is on its way: compiling and
 * evaluating the rules is work the handshake need not wait for.
 */
function loadCore(): void {
  try {
    svc();
  } catch (e) {
    process.stderr.write(`Layerwise: cannot load the server core: ${String(e)}\n`);
    process.exit(1);
  }
}
