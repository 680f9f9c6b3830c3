// The clio.showTimeline command: the essay's dated claims against the record, as the server draws them, in a webview redrawn as the essay is edited; a click moves the cursor.
//
// Contract with the server (its `clio.timeline` command, through workspace/executeCommand):
//   arguments: [documentUri: string]
//   result:    { svg: string, points: [{ id: string, label: string, range: LSP Range, ... }] },
//              or null when the server does not have the document open
// The SVG is the one the class report draws (clio-ls draws it; nothing is drawn here). Every
// mark in it carries `data-point="<id>"`. The points also carry the verdict, the dates and the
// record, which this view leaves to the label. Servers that do not list `clio.timeline` in
// their executeCommandProvider get a message instead of an empty panel.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, Range as LspRange } from 'vscode-languageclient/node';
import { escapeHtml, htmlPage, nonce, revealInEssay } from './webview';

/** The server-side command; the client-side one is clio.showTimeline. */
export const SERVER_TIMELINE = 'clio.timeline';

interface TimelinePoint {
  id: string;
  label: string;
  range: LspRange;
}

interface Timeline {
  svg: string;
  points: TimelinePoint[];
}

/** How long after the essay's last edit the panel is redrawn. */
const REDRAW_AFTER_MS = 400;

/** The running client, whichever it is now (a restart replaces it). */
type ClientNow = () => LanguageClient | undefined;

/**
 * The panel and what it shows, so that a click can be mapped back to a place in the essay; the
 * pending redraw, and how many requests were sent (only the latest answer is drawn).
 */
let shown:
  | { panel: vscode.WebviewPanel; uri: vscode.Uri; points: Map<string, TimelinePoint>; clientNow: ClientNow; timer?: ReturnType<typeof setTimeout>; asked: number }
  | undefined;

export function serverHasTimeline(client: LanguageClient): boolean {
  const commands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  return commands.includes(SERVER_TIMELINE);
}

/** Checks the answer's shape: a server is another program, and this one may be older or newer. */
function asTimeline(x: unknown): Timeline | undefined {
  const t = x as Partial<Timeline> | null;
  if (t === null || typeof t !== 'object' || typeof t.svg !== 'string' || !Array.isArray(t.points)) {
    return undefined;
  }
  const points = t.points.filter((p): p is TimelinePoint =>
    p !== null && typeof p === 'object' && typeof p.id === 'string' && typeof p.label === 'string' && typeof p.range === 'object' && p.range !== null);
  return { svg: t.svg, points };
}

/**
 * The SVG as the server drew it, and the same points as a list of buttons (reachable from the
 * keyboard, and usable even if the drawing marks no point). Nothing is loaded: the SVG is
 * inline, and the policy allows no fetch, image, font or frame at all; only our nonce'd script
 * runs, never a script or handler inside the SVG.
 */
function page(title: string, t: Timeline): string {
  const n = nonce();
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${n}'; form-action 'none'; base-uri 'none';`;
  const items = t.points
    .map((p) => `<li><button data-point="${escapeHtml(p.id)}">${escapeHtml(p.label)}</button></li>`)
    .join('\n');
  const style = `  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
  #drawing { background: #ffffff; border-radius: 4px; padding: 4px; overflow-x: auto; }
  #drawing svg { width: 100%; min-width: 640px; height: auto; display: block; }
  [data-point] { cursor: pointer; }
  ul { list-style: none; padding: 0; }
  button { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: 0; padding: 0.15em 0; text-align: left; cursor: pointer; }
  button:focus { outline: 1px solid var(--vscode-focusBorder); }`;
  const body = `<div id="drawing">${t.svg}</div>
<ul id="points">${items}</ul>
<script nonce="${n}">
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('[data-point]') : null;
    if (el) vscode.postMessage({ type: 'reveal', id: el.getAttribute('data-point') });
  });
</script>`;
  return htmlPage(csp, title, style, body);
}

/**
 * Puts the cursor on the point's date, in the editor the essay is already open in if any. The
 * ranges are those of the last drawing, which follows the essay's edits a moment later.
 */
async function reveal(id: unknown): Promise<void> {
  const point = typeof id === 'string' ? shown?.points.get(id) : undefined;
  if (shown === undefined || point === undefined) {
    return;
  }
  // vscode-languageclient negotiates UTF-16 positions, which are VS Code's own.
  const { start, end } = point.range;
  await revealInEssay(shown.uri, new vscode.Range(start.line, start.character, end.line, end.character));
}

/** The server's timeline of `uri`: a timeline, null when the server does not have it open, or a thrown error. */
async function ask(client: LanguageClient, uri: vscode.Uri): Promise<Timeline | null | undefined> {
  const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_TIMELINE, arguments: [uri.toString()] });
  return result === null || result === undefined ? null : asTimeline(result);
}

function draw(t: Timeline): void {
  if (shown === undefined) {
    return;
  }
  const title = `Clio: timeline of ${shown.uri.path.split('/').pop() ?? 'essay'}`;
  shown.points = new Map(t.points.map((p) => [p.id, p]));
  shown.panel.title = title;
  shown.panel.webview.html = page(title, t);
}

/** Asks again for the shown essay's timeline and draws it, unless a newer request was sent meanwhile or the panel closed. */
async function redraw(): Promise<void> {
  const s = shown;
  const client = s?.clientNow();
  if (s === undefined || client === undefined || !client.isRunning()) {
    return;
  }
  const asked = ++s.asked;
  const t = await ask(client, s.uri).catch(() => undefined);
  if (shown === s && asked === s.asked && t) {
    draw(t);
  }
}

function showPanel(uri: vscode.Uri, t: Timeline, clientNow: ClientNow): void {
  if (shown === undefined) {
    const panel = vscode.window.createWebviewPanel('clio.timeline', 'Clio: timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
    });
    panel.webview.onDidReceiveMessage((m: { type?: unknown; id?: unknown }) => {
      if (m && m.type === 'reveal') {
        void reveal(m.id);
      }
    });
    // The essay's edits move its dates: the drawing follows them, once typing pauses.
    const edits = vscode.workspace.onDidChangeTextDocument((e) => {
      if (shown !== undefined && e.contentChanges.length > 0 && e.document.uri.toString() === shown.uri.toString()) {
        clearTimeout(shown.timer);
        shown.timer = setTimeout(() => void redraw(), REDRAW_AFTER_MS);
      }
    });
    panel.onDidDispose(() => {
      edits.dispose();
      clearTimeout(shown?.timer);
      shown = undefined;
    });
    shown = { panel, uri, points: new Map(), clientNow, asked: 0 };
  }
  clearTimeout(shown.timer);
  shown.asked += 1; // an answer still awaited is for the essay shown before
  shown.uri = uri;
  shown.clientNow = clientNow;
  draw(t);
  shown.panel.reveal(vscode.ViewColumn.Beside, true);
}

/** The command: the active essay's timeline, or a message saying why there is none. */
export async function showTimeline(clientNow: ClientNow): Promise<void> {
  const client = clientNow();
  if (client === undefined || !client.isRunning()) {
    void vscode.window.showErrorMessage('Clio: the language server is not running.');
    return;
  }
  if (!serverHasTimeline(client)) {
    const version = client.initializeResult?.serverInfo?.version;
    void vscode.window.showInformationMessage(`Clio: this server${version ? ` (clio-ls ${version})` : ''} does not support the timeline yet.`);
    return;
  }
  const doc = vscode.window.activeTextEditor?.document;
  if (doc === undefined) {
    void vscode.window.showInformationMessage('Clio: open an essay to see its timeline.');
    return;
  }
  let t: Timeline | null | undefined;
  try {
    t = await ask(client, doc.uri);
  } catch (e) {
    void vscode.window.showErrorMessage(`Clio: the timeline failed: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (t === null) {
    void vscode.window.showInformationMessage(`Clio: ${doc.uri.path.split('/').pop() ?? 'this file'} is not an essay Clio reads (Markdown, LaTeX or plain text).`);
    return;
  }
  if (t === undefined) {
    void vscode.window.showErrorMessage('Clio: the server answered clio.timeline with something other than a timeline.');
    return;
  }
  if (t.points.length === 0) {
    void vscode.window.showInformationMessage('Clio: this essay has no dated claims to put on a timeline.');
  }
  showPanel(doc.uri, t, clientNow);
}
