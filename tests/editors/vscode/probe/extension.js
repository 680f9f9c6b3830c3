// Test-only probe beside the Clio extension: writes VS Code's own view of Clio (diagnostics, hover, commands) to JSON.
// Reading the extension host's API is sturdier than scraping the workbench DOM, whose markup changes
// between VS Code versions. Output: $CLIO_PROBE_OUT, else <first workspace folder>/.probe/state.json.
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const FIXTURE = 'essay.md';
const WORD = 'Kirov'; // hovered and looked up once the server has answered

function outFile() {
  if (process.env.CLIO_PROBE_OUT) return process.env.CLIO_PROBE_OUT;
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  return folder ? path.join(folder.uri.fsPath, '.probe', 'state.json') : undefined;
}

const ARGUMENT = 'argument.md'; // a second essay that argues, for the balance code lens
// One essay per other format the extension claims, each with one planted date (opened in the background).
const FORMATS = ['essay.qmd', 'essay.rmd', 'essay.tex', 'notes.txt'];
const SILENCE = 'silence.md'; // an essay whose dubious date the "don't check this line" fix silences
const TIMELINE = 'timeline.md'; // an essay in sections, each arguing a side, with dates of every verdict
const state = { writes: 0, clioActive: false, commands: {}, diagnostics: {}, hover: null, lookup: null, lookupNameRan: false, codeActions: null, codeLenses: null, symbols: null, silence: null, timeline: null, languages: {}, done: false, errors: [] };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function write() {
  const file = outFile();
  if (!file) return;
  state.writes += 1;
  state.time = new Date().toISOString();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so the test never reads half a file.
  fs.writeFileSync(file + '.tmp', JSON.stringify(state, null, 2));
  fs.renameSync(file + '.tmp', file);
}

function plain(d) {
  return {
    line: d.range.start.line, character: d.range.start.character,
    endLine: d.range.end.line, endCharacter: d.range.end.character,
    severity: vscode.DiagnosticSeverity[d.severity],
    source: d.source,
    code: typeof d.code === 'object' && d.code !== null ? String(d.code.value) : d.code === undefined ? undefined : String(d.code),
    message: d.message,
  };
}

function snapshotDiagnostics() {
  const out = {};
  for (const [uri, diags] of vscode.languages.getDiagnostics()) {
    if (uri.scheme !== 'file') continue;
    const rel = vscode.workspace.asRelativePath(uri, false);
    out[rel] = diags.map(plain);
  }
  state.diagnostics = out;
  const clio = vscode.extensions.getExtension('clio-essays.clio');
  state.clioActive = !!(clio && clio.isActive);
}

function hoverText(contents) {
  return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

let asked = false;
// Hover and look-up are asked for once, after Clio has published for the fixture: the server is up then.
async function askServer() {
  if (asked) return;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('/' + FIXTURE));
  const ours = doc && (state.diagnostics[FIXTURE] || []).some((d) => d.source === 'clio');
  if (!doc || !ours) return;
  asked = true;
  try {
    const all = await vscode.commands.getCommands(true);
    // clio.timeline is registered only when the server offers it (vscode-languageclient registers
    // the server's commands as VS Code commands).
    for (const id of ['clio.restartServer', 'clio.showOutput', 'clio.lookupName', 'clio.showTimeline', 'clio.lookup', 'clio.addToIgnore', 'clio.showBalance', 'clio.timeline']) {
      state.commands[id] = all.includes(id);
    }
    const offset = doc.getText().indexOf(WORD);
    const pos = doc.positionAt(offset + 1);
    let hovers = [];
    for (let i = 0; i < 10 && hovers.length === 0; i++) {
      hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos)) || [];
      if (hovers.length === 0) await new Promise((r) => setTimeout(r, 500));
    }
    state.hover = { line: pos.line, character: pos.character, texts: hovers.map((h) => hoverText(h.contents)) };
    write();
    // clio.lookup is the server's command, which vscode-languageclient registered in VS Code for it.
    const card = await vscode.commands.executeCommand('clio.lookup', WORD);
    state.lookup = card && typeof card.markdown === 'string' ? card.markdown : null;
    write();
    // The client-side command, given the name so no input box is needed; it opens the card's webview.
    await vscode.commands.executeCommand('clio.lookupName', WORD);
    state.lookupNameRan = true;
    write();
    // The quick fixes VS Code offers on the planted error (the lightbulb's list).
    const code = (d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));
    const planted = vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'clio' && code(d) === 'dubious-date');
    if (planted) {
      const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, planted.range)) || [];
      state.codeActions = actions.map((a) => a.title);
    }
    write();
    // The argument-balance lens on an essay that makes a claim (opened in the background).
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const argDoc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, ARGUMENT));
    let lenses = [];
    for (let i = 0; i < 20 && lenses.length === 0; i++) {
      lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', argDoc.uri, 10)) || [];
      if (lenses.length === 0) await sleep(500);
    }
    state.codeLenses = lenses.map((l) => (l.command ? l.command.title : null));
    write();
    // The outline of that essay, as the Outline view gets it: each symbol's name, nested ones indented.
    let symbols = [];
    for (let i = 0; i < 20 && symbols.length === 0; i++) {
      symbols = (await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', argDoc.uri)) || [];
      if (symbols.length === 0) await sleep(500);
    }
    const names = [];
    const walk = (list, depth) => list.forEach((s) => { names.push('  '.repeat(depth) + s.name); walk(s.children || [], depth + 1); });
    walk(symbols, 0);
    state.symbols = names;
    write();
    await silence(folder, code);
    for (const file of FORMATS) {
      const other = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, file));
      state.languages[file] = other.languageId;
      for (let i = 0; i < 20 && !vscode.languages.getDiagnostics(other.uri).some((d) => d.source === 'clio'); i++) await sleep(500);
      snapshotDiagnostics();
    }
    await timeline(folder, doc);
  } catch (e) {
    state.errors.push(String(e && e.stack || e));
  }
  state.done = true; // the test waits for this, not for any one field
  write();
}

/**
 * timeline.md in the editor: its outline as the Outline view gets it, and the timeline command
 * run on it, which leaves its panel open beside for the test to look at and click. Then the
 * fixture essay is put back in front, where the test expects it.
 */
async function timeline(folder, essay) {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, TIMELINE));
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  state.timeline = { ran: false, symbols: [], text: doc.getText() };
  for (let i = 0; i < 20 && !vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'clio'); i++) await sleep(500);
  const symbols = (await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri)) || [];
  const walk = (list, depth) => list.forEach((s) => { state.timeline.symbols.push('  '.repeat(depth) + s.name); walk(s.children || [], depth + 1); });
  walk(symbols, 0);
  // With timeline.md the active editor, as a user runs it from the command palette.
  await vscode.commands.executeCommand('clio.showTimeline');
  state.timeline.ran = true;
  await vscode.window.showTextDocument(essay, { viewColumn: vscode.ViewColumn.One, preview: false });
  write();
}

/** "Don't check this line for dubious-date" on silence.md: the edit applied, and what is flagged after it. */
async function silence(folder, code) {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, SILENCE));
  const dates = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'clio' && code(d) === 'dubious-date');
  for (let i = 0; i < 20 && dates().length === 0; i++) await sleep(500);
  const planted = dates()[0];
  state.silence = { offered: [], applied: false, text: null, after: null };
  if (!planted) return;
  const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, planted.range)) || [];
  state.silence.offered = actions.map((a) => a.title);
  const action = actions.find((a) => a.title === "Don't check this line for dubious-date");
  if (action && action.edit) {
    state.silence.applied = await vscode.workspace.applyEdit(action.edit);
    for (let i = 0; i < 20 && dates().length > 0; i++) await sleep(500);
  }
  state.silence.text = doc.getText();
  state.silence.after = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'clio').map(code);
  write();
}

function activate(context) {
  snapshotDiagnostics();
  write();
  // Clio may have published before this probe activated, with no further event to come: poll too.
  const timer = setInterval(() => {
    if (asked) {
      clearInterval(timer);
      return;
    }
    snapshotDiagnostics();
    void askServer();
  }, 500);
  context.subscriptions.push(
    { dispose: () => clearInterval(timer) },
    vscode.languages.onDidChangeDiagnostics(() => {
      snapshotDiagnostics();
      write();
      void askServer();
    }),
    vscode.workspace.onDidOpenTextDocument(() => void askServer()),
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
