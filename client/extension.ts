import { ExtensionContext, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { serverProcessEnv } from '../server/launch';

let client: LanguageClient | undefined;

const DOCKERFILE_GLOB = '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile,Containerfile.*,*.containerfile}';

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  // Added to the extension host's environment, which the server inherits.
  const env = serverProcessEnv(process.env);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Other Dockerfile extensions keep their features; Layerwise only adds its own diagnostics, hovers and fixes.
    documentSelector: [{ language: 'dockerfile' }, { pattern: DOCKERFILE_GLOB }],
    synchronize: {
      configurationSection: 'layerwise',
      fileEvents: workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore,.hadolint.yaml,.hadolint.yml}'),
    },
  };
  client = new LanguageClient('layerwise', 'Layerwise', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
