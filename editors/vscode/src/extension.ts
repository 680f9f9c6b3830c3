// Entry point of the Clio extension: starts clio-ls through vscode-languageclient and wires commands and status.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { BalanceViewFeature, SERVER_BALANCE, showBalance } from './balance';
import { lookupName } from './lookup';
import { findServer, isFound, NotFound } from './serverPath';
import { currentServerSettings, serverSettings } from './settings';
import { ClioStatus, ESSAY_LANGUAGES } from './status';
import { showTimeline } from './timeline';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let traceOutput: vscode.OutputChannel;
let status: ClioStatus;
/** Start, stop and restart run one at a time; a settings change during a start waits its turn. */
let queue: Promise<void> = Promise.resolve();

function serialized(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task);
  return queue;
}

function firstWorkspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** An error with the ways out: the setting, the README's install section, the log. */
async function offerFixes(message: string, context: vscode.ExtensionContext): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings', 'Installation Help', 'Show Output');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'clio.server.path');
  } else if (choice === 'Installation Help') {
    // The extension's own page (its README) opens offline, inside VS Code.
    await vscode.commands.executeCommand('extension.open', context.extension.id);
  } else if (choice === 'Show Output') {
    output.show(true);
  }
}

/** Says what was looked for and where the server must come from on this platform. */
function notFoundMessage(found: NotFound): string {
  if (found.configured !== undefined) {
    return `clio.server.path is set to ${found.configured}, which is not an executable file.`;
  }
  const install = 'Install it with `cargo install --path server` from the Clio repository, or set clio.server.path to the executable.';
  if (found.bundled !== undefined && fs.existsSync(found.bundled)) {
    return `clio-ls is not on PATH, and the copy bundled at ${found.bundled} cannot be run (it is not executable). ${install}`;
  }
  const platform = `${process.platform}-${process.arch}`;
  return `Clio needs its language server, clio-ls, and found none: it is not on PATH, and this package of the extension (for ${platform}) carries no copy of it; only the linux-x64 package does. ${install}`;
}

/** `self` is the client these options are for, once it exists; its middleware talks only to it. */
function clientOptions(self: () => LanguageClient | undefined): LanguageClientOptions {
  return {
    documentSelector: ESSAY_LANGUAGES.flatMap((language) => ['file', 'untitled'].map((scheme) => ({ scheme, language }))),
    // A function, so a restart sends the settings as they are then.
    initializationOptions: () => currentServerSettings(),
    synchronize: { configurationSection: 'clio' },
    outputChannel: output,
    traceOutputChannel: traceOutput,
    // Knowledge-pack and settings errors arrive as window/showMessage; no need to pop the log open too.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      // The balance lens runs the server's clio.showBalance; its answer is drawn in a panel.
      executeCommand: async (command, args, next) => {
        const result = await next(command, args);
        const c = self();
        if (command === SERVER_BALANCE && c !== undefined) {
          void showBalance(c, args, result);
        }
        return result;
      },
      workspace: {
        // The server pulls section "clio"; hand it the same cleaned-up object as everywhere else.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return result.map((value, i) => (params.items[i]?.section === 'clio' ? serverSettings(value) : value));
        },
        // The default would send the raw section, severities left at "default" included.
        didChangeConfiguration: async (_sections, _next) => {
          const c = self();
          // A client being stopped (e.g. by a clio.server.path change) would try to start again
          // to deliver the notification; its replacement starts with the new settings anyway.
          if (c === undefined || c !== client || !c.isRunning()) {
            return;
          }
          await c.sendNotification(DidChangeConfigurationNotification.type, { settings: { clio: currentServerSettings() } });
        },
      },
    },
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const setting = vscode.workspace.getConfiguration('clio').get<string>('server.path', '');
  const found = findServer(setting, firstWorkspaceFolder(), context.extensionPath);
  if (!isFound(found)) {
    const why = notFoundMessage(found);
    output.appendLine(`[clio-vscode] ${why}`);
    status.set('missing', why);
    void offerFixes(`Clio: ${why}`, context);
    return;
  }
  output.appendLine(`[clio-vscode] starting ${found.command} (found via ${found.via})`);
  // TransportKind.stdio makes the client add --stdio to the arguments itself.
  const serverOptions: ServerOptions = { command: found.command, transport: TransportKind.stdio };
  // The options' middleware needs the client that is built from them.
  const built: { client?: LanguageClient } = {};
  const c = new LanguageClient('clio', 'Clio', serverOptions, clientOptions(() => built.client));
  built.client = c;
  c.registerFeature(new BalanceViewFeature());
  c.onDidChangeState((e) => {
    if (client !== c) {
      return; // a late event from a client already replaced by a restart
    }
    if (e.newState === State.Running) {
      status.set('running', found.command);
    } else if (e.newState === State.Starting) {
      status.set('starting', found.command);
    } else {
      status.set('stopped', found.command);
    }
  });
  client = c;
  status.set('starting', found.command);
  try {
    await c.start();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    output.appendLine(`[clio-vscode] ${found.command} failed to start: ${msg}`);
    // vscode-languageclient has already shown an error with a "Go to output" button.
    status.set('stopped', `${found.command} failed to start: ${msg}`);
  }
}

/** Clients already stopped, so a restart racing another one never stops a client twice. */
const stopped = new WeakSet<LanguageClient>();

async function stopClient(c: LanguageClient | undefined): Promise<void> {
  if (c === undefined || stopped.has(c)) {
    return;
  }
  stopped.add(c);
  try {
    // dispose() stops the server too; the bounded wait keeps a hung server from blocking a restart.
    await c.dispose(2000);
  } catch (e) {
    output.appendLine(`[clio-vscode] stopping the server: ${e instanceof Error ? e.message : String(e)}`);
  }
  status.set('stopped');
}

function restart(context: vscode.ExtensionContext): Promise<void> {
  // Detach the running client at once, in the same event: vscode-languageclient's own settings
  // listener runs next and must not talk to a client that is about to stop.
  const old = client;
  client = undefined;
  return serialized(async () => {
    await stopClient(old);
    // A start queued before this restart may have put up a client of its own meanwhile.
    const current = client;
    client = undefined;
    await stopClient(current);
    await start(context);
  });
}

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel('Clio');
  traceOutput = vscode.window.createOutputChannel('Clio Trace');
  status = new ClioStatus();
  context.subscriptions.push(
    output,
    traceOutput,
    status,
    vscode.commands.registerCommand('clio.restartServer', () => restart(context)),
    vscode.commands.registerCommand('clio.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('clio.lookupName', (name?: unknown) => lookupName(client, name)),
    vscode.commands.registerCommand('clio.showTimeline', () => showTimeline(() => client)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The path is fixed when the process starts; everything else reaches the running server.
      if (e.affectsConfiguration('clio.server.path')) {
        output.appendLine('[clio-vscode] clio.server.path changed; restarting');
        void restart(context);
      }
    }),
  );
  void serialized(() => start(context));
}

export function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  return serialized(() => stopClient(c));
}
