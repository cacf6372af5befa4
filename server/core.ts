/**
 * Everything the language server needs beyond the LSP transport: the rules,
 * the document analysis, the layer-cost model and the request handlers.
 * scripts/build.mjs bundles it apart (dist/server-core.js) so that the
 * initialize handshake does not wait for compiling and evaluating it;
 * server/main.ts loads it right after answering `initialize`.
 */
export { URI } from 'vscode-uri';
export { defaultLinter } from '../shared-rules/index';
export { mergeConfig } from '../shared-rules/config/merge';
export { computeLayerCosts, needsAptTable } from '../shared-rules/layer-cost/model';
export { CostService } from './cost-service';
export { DocumentStore } from './document-store';
export { FileConfigCache } from './file-config';
export { codeActions, resolveCodeAction } from './handlers/code-actions';
export { hover } from './handlers/hover';
export { codeLenses, inlayHints } from './handlers/inlay-hints';
export { hostInfoForFile } from './node-host';
export { ValidationScheduler } from './validation';
