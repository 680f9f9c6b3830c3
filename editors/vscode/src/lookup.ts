// The clio.lookupName command: asks for a name, fetches the server's card and shows it in a webview.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';
import { escapeHtml, htmlPage, PROSE_STYLE } from './webview';

/** The server-side command (registered by clio-ls); the client-side one is clio.lookupName. */
const SERVER_LOOKUP = 'clio.lookup';

let panel: vscode.WebviewPanel | undefined;

/** The word under the cursor, offered as the default answer. */
function wordAtCursor(): string {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    return '';
  }
  const sel = editor.selection;
  if (!sel.isEmpty && sel.isSingleLine) {
    return editor.document.getText(sel).trim();
  }
  const range = editor.document.getWordRangeAtPosition(sel.active, /[\p{L}\p{N}][\p{L}\p{N}'’-]*/u);
  return range === undefined ? '' : editor.document.getText(range);
}

/** Renders with the built-in Markdown extension so the card looks like a hover; plain text if it is absent. */
async function render(markdown: string): Promise<string> {
  try {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    if (typeof html === 'string') {
      return html;
    }
  } catch {
    // The Markdown extension can be disabled; fall through to preformatted text.
  }
  return `<pre>${escapeHtml(markdown)}</pre>`;
}

function page(webview: vscode.Webview, title: string, body: string): string {
  // No scripts at all: the card is static text from our own server.
  const csp = `default-src 'none'; img-src ${webview.cspSource} https: data:; style-src 'unsafe-inline';`;
  const style = `${PROSE_STYLE}
  a { color: var(--vscode-textLink-foreground); }
  code { font-family: var(--vscode-editor-font-family); }
  hr { border: 0; border-top: 1px solid var(--vscode-panel-border); }`;
  return htmlPage(csp, title, style, body);
}

/** `given` lets keybindings and other extensions pass the name and skip the prompt. */
export async function lookupName(client: LanguageClient | undefined, given?: unknown): Promise<void> {
  if (client === undefined || !client.isRunning()) {
    const choice = await vscode.window.showErrorMessage('Clio: the language server is not running.', 'Show Output');
    if (choice === 'Show Output') {
      await vscode.commands.executeCommand('clio.showOutput');
    }
    return;
  }
  const name = typeof given === 'string' ? given : await vscode.window.showInputBox({
    title: 'Clio: look up',
    prompt: 'A person, body, event or term (e.g. Kirov, Kronstadt, NEP) or a year',
    value: wordAtCursor(),
    ignoreFocusOut: true,
  });
  if (name === undefined || name.trim() === '') {
    return;
  }
  let result: unknown;
  try {
    result = await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_LOOKUP, arguments: [name.trim()] });
  } catch (e) {
    void vscode.window.showErrorMessage(`Clio: look-up failed: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const markdown = (result as { markdown?: unknown } | null)?.markdown;
  if (typeof markdown !== 'string' || markdown === '') {
    void vscode.window.showInformationMessage(`Clio has no card for “${name.trim()}”.`);
    return;
  }
  const title = `Clio: ${name.trim()}`;
  if (panel === undefined) {
    panel = vscode.window.createWebviewPanel('clio.card', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: false,
      enableFindWidget: true,
    });
    panel.onDidDispose(() => {
      panel = undefined;
    });
  } else {
    panel.title = title;
    panel.reveal(vscode.ViewColumn.Beside, true);
  }
  panel.webview.html = page(panel.webview, title, await render(markdown));
}
