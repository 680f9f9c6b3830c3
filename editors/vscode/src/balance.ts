// The argument balance in a panel beside the essay, opened by the balance lens in place of the server's passing message.
//
// Contract with the server: the client declares `experimental.clioBalanceView: true`, so that the
// server's `clio.showBalance` (run by the lens, arguments: [documentUri]) shows no message and answers
//   { message: string, continuity: number, rupture: number, open: [{ claim, theme, side }] }
// The paragraphs and the sides they argue come from the server's document symbols (its outline).
import * as vscode from 'vscode';
import {
  ClientCapabilities,
  DocumentSymbol,
  DocumentSymbolRequest,
  FeatureState,
  LanguageClient,
  StaticFeature,
} from 'vscode-languageclient/node';
import { escapeHtml, htmlPage, nonce, PROSE_STYLE, revealInEssay } from './webview';

/** The server-side command the lens runs. */
export const SERVER_BALANCE = 'clio.showBalance';

interface OpenPoint {
  claim: string;
  theme: string;
  side: string;
}

interface Balance {
  message: string;
  continuity: number;
  rupture: number;
  open: OpenPoint[];
}

/** A paragraph of the outline that argues a side, and where it is. */
interface Argued {
  name: string;
  side: 'continuity' | 'rupture' | 'both sides';
  range: vscode.Range;
}

/** Tells the server that this client draws the balance itself. */
export class BalanceViewFeature implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), clioBalanceView: true };
  }
  initialize(): void {}
  getState(): FeatureState {
    return { kind: 'static' };
  }
  clear(): void {}
}

/** Checks the answer's shape: a server is another program, and this one may be older or newer. */
function asBalance(x: unknown): Balance | undefined {
  const b = x as Partial<Balance> | null;
  if (b === null || typeof b !== 'object' || typeof b.continuity !== 'number' || typeof b.rupture !== 'number') {
    return undefined;
  }
  const open = (Array.isArray(b.open) ? b.open : []).filter((p): p is OpenPoint =>
    p !== null && typeof p === 'object' && typeof p.claim === 'string' && typeof p.theme === 'string' && typeof p.side === 'string');
  return { message: typeof b.message === 'string' ? b.message : '', continuity: b.continuity, rupture: b.rupture, open };
}

/** The paragraphs of the outline that argue a side, in document order (the name starts with it). */
function argued(symbols: DocumentSymbol[]): Argued[] {
  const out: Argued[] = [];
  const walk = (list: DocumentSymbol[]) => {
    for (const s of list) {
      const side = (['continuity', 'rupture', 'both sides'] as const).find((x) => s.name.startsWith(`${x} · `) || s.name.startsWith(`${x}: `));
      if (side !== undefined) {
        const { start, end } = s.selectionRange;
        out.push({ name: s.name, side, range: new vscode.Range(start.line, start.character, end.line, end.character) });
      }
      walk(s.children ?? []);
    }
  };
  walk(symbols);
  return out;
}

/** The counts as a bar of two parts, the open counterpoints, and the paragraphs as buttons. */
function page(title: string, b: Balance, paragraphs: Argued[]): string {
  const n = nonce();
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${n}';`;
  const total = Math.max(1, b.continuity + b.rupture);
  const share = (k: number) => Math.round((100 * k) / total);
  const open = b.open.length === 0
    ? '<p>Every strong counterpoint is addressed.</p>'
    : `<ul class="open">${b.open.map((p) => `<li><span class="tag ${p.side === 'continuity' ? 'c' : 'r'}">${escapeHtml(p.side)} · ${escapeHtml(p.theme)}</span> ${escapeHtml(p.claim)}</li>`).join('\n')}</ul>`;
  const paras = paragraphs.length === 0
    ? '<p>No paragraph argues a side yet.</p>'
    : `<ol class="paras">${paragraphs.map((p, i) => `<li><button data-para="${i}" class="${p.side === 'continuity' ? 'c' : p.side === 'rupture' ? 'r' : 'b'}">${escapeHtml(p.name)}</button></li>`).join('\n')}</ol>`;
  const style = `${PROSE_STYLE}
  .bar { display: flex; height: 1.6em; border-radius: 3px; overflow: hidden; margin: 0.5em 0; background: var(--vscode-editorWidget-background); }
  .bar div { display: flex; align-items: center; padding: 0 0.5em; white-space: nowrap; color: #fff; }
  .c { --side: #3b6fb6; } .r { --side: #b6503b; } .b { --side: #7a5fa0; }
  .bar .c, .bar .r { background: var(--side); }
  .tag { color: var(--side); font-weight: 600; }
  ul.open { padding-left: 1.2em; }
  ol.paras { padding-left: 1.6em; }
  button { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: 0; border-left: 4px solid var(--side); padding: 0.1em 0.5em; text-align: left; cursor: pointer; }
  button:focus { outline: 1px solid var(--vscode-focusBorder); }`;
  const body = `<h2>Argument balance</h2>
<div class="bar" role="img" aria-label="${b.continuity} for continuity, ${b.rupture} for rupture">
  ${b.continuity > 0 ? `<div class="c" style="width:${share(b.continuity)}%">${b.continuity} continuity</div>` : ''}
  ${b.rupture > 0 ? `<div class="r" style="width:${share(b.rupture)}%">${b.rupture} rupture</div>` : ''}
</div>
<p id="counts">${b.continuity} point(s) for continuity, ${b.rupture} for rupture.</p>
<h3>Strong counterpoints not yet addressed</h3>
${open}
<h3>Paragraphs and the side they argue</h3>
${paras}
<script nonce="${n}">
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('[data-para]') : null;
    if (el) vscode.postMessage({ type: 'reveal', index: Number(el.getAttribute('data-para')) });
  });
</script>`;
  return htmlPage(csp, title, style, body);
}

let shown: { panel: vscode.WebviewPanel; uri: vscode.Uri; paragraphs: Argued[] } | undefined;

/** Puts the cursor on a paragraph, in the editor the essay is open in if any. */
async function reveal(index: unknown): Promise<void> {
  const para = typeof index === 'number' ? shown?.paragraphs[index] : undefined;
  if (shown === undefined || para === undefined) {
    return;
  }
  await revealInEssay(shown.uri, para.range);
}

/** The panel's title for an essay; tests look for it among the tabs. */
export function balanceTitle(uri: vscode.Uri): string {
  return `Clio: balance of ${uri.path.split('/').pop() ?? 'essay'}`;
}

function showPanel(uri: vscode.Uri, b: Balance, paragraphs: Argued[]): void {
  const title = balanceTitle(uri);
  if (shown === undefined) {
    const panel = vscode.window.createWebviewPanel('clio.balance', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
    });
    panel.webview.onDidReceiveMessage((m: { type?: unknown; index?: unknown }) => {
      if (m && m.type === 'reveal') {
        void reveal(m.index);
      }
    });
    panel.onDidDispose(() => {
      shown = undefined;
    });
    shown = { panel, uri, paragraphs: [] };
  }
  shown.uri = uri;
  shown.paragraphs = paragraphs;
  shown.panel.title = title;
  shown.panel.webview.html = page(title, b, paragraphs);
  shown.panel.reveal(vscode.ViewColumn.Beside, true);
}

/**
 * What the lens's command answered, drawn in the panel with the essay's outline. A server that
 * answers without the data (an older one) has shown its message already: nothing more to do.
 */
export async function showBalance(client: LanguageClient, args: unknown[], result: unknown): Promise<void> {
  const b = asBalance(result);
  const uri = typeof args[0] === 'string' ? vscode.Uri.parse(args[0]) : undefined;
  if (b === undefined || uri === undefined) {
    return;
  }
  let paragraphs: Argued[] = [];
  try {
    const symbols = await client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri.toString() } });
    paragraphs = argued((symbols ?? []).filter((s): s is DocumentSymbol => 'selectionRange' in s));
  } catch {
    // The counts and counterpoints still stand without the outline.
  }
  showPanel(uri, b, paragraphs);
}
