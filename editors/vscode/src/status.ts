// The Clio status bar item: server state and the number of Clio findings in the active essay.
import * as vscode from 'vscode';

export type ServerState = 'starting' | 'running' | 'stopped' | 'missing';

/** Languages the extension serves (quarto and rmd are registered by their own extensions; clio-ls reads both as Markdown). The item hides elsewhere unless something is wrong. */
export const ESSAY_LANGUAGES = ['markdown', 'quarto', 'rmd', 'latex', 'tex', 'plaintext'];

/** The `source` clio-ls puts on every diagnostic; counting by it survives client restarts. */
const SOURCE = 'clio';

export class ClioStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: ServerState = 'starting';
  private detail = '';

  constructor() {
    this.item = vscode.window.createStatusBarItem('clio.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Clio';
    this.item.command = 'clio.showOutput';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active !== undefined && e.uris.some((u) => u.toString() === active)) {
          this.render();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    );
    this.render();
  }

  /** `detail` goes into the tooltip: the server's path, or why it is not running. */
  set(state: ServerState, detail = ''): void {
    this.state = state;
    this.detail = detail;
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const essay = doc !== undefined && ESSAY_LANGUAGES.includes(doc.languageId);
    const tooltip = new vscode.MarkdownString(undefined, true);
    this.item.backgroundColor = undefined;
    switch (this.state) {
      case 'starting':
        this.item.text = '$(sync~spin) Clio: starting';
        tooltip.appendText('Clio: starting the language server');
        break;
      case 'running': {
        if (essay && doc !== undefined) {
          const n = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE).length;
          this.item.text = `$(book) Clio: ${n === 0 ? 'no findings' : n === 1 ? '1 finding' : `${n} findings`}`;
        } else {
          this.item.text = '$(book) Clio';
        }
        tooltip.appendText('Clio: running');
        break;
      }
      case 'stopped':
        this.item.text = '$(debug-disconnect) Clio: stopped';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        tooltip.appendText('Clio: the language server is not running');
        break;
      case 'missing':
        this.item.text = '$(error) Clio: no server';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        tooltip.appendText('Clio: clio-ls was not found');
        break;
    }
    if (this.detail !== '') {
      tooltip.appendText(`\n\n${this.detail}`);
    }
    tooltip.appendText('\n\nClick to show the Clio output.');
    this.item.tooltip = tooltip;
    // Outside essays the item is noise, unless it has something wrong to report.
    if (essay || this.state === 'stopped' || this.state === 'missing') {
      this.item.show();
    } else {
      this.item.hide();
    }
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) {
      d.dispose();
    }
  }
}
