// What the extension's webview panels share: text made safe for HTML, a nonce for a page's one script, the page's frame, and going from a panel back to a place in the essay.
import * as vscode from 'vscode';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A fresh nonce for a page's Content-Security-Policy, so that only the page's own script runs. */
export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

/** The reading text of a page: the editor's font and colours, a comfortable measure. */
export const PROSE_STYLE = 'body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.5em; max-width: 52em; line-height: 1.5; }';

/** A whole page: its policy `csp`, its title, its own `style` rules and its `body`. */
export function htmlPage(csp: string, title: string, style: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>
${style}
</style></head>
<body>
${body}
</body></html>`;
}

/**
 * Puts the cursor at the start of `range` in the essay `uri`, in the editor it is already open
 * in if any (else the first column), and scrolls it into view.
 */
export async function revealInEssay(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const doc = open?.document ?? (await vscode.workspace.openTextDocument(uri));
  const selection = new vscode.Selection(range.start, range.start);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: open?.viewColumn ?? vscode.ViewColumn.One, selection });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
