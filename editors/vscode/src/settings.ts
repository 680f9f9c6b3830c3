// Turns the `clio` configuration section into the settings object clio-ls understands.
import * as vscode from 'vscode';

const SERVER_KEYS = ['checks', 'severity', 'knowledge', 'ignoreWords'] as const;

/**
 * Keeps only what the server reads and drops severities left at "default": the server then uses
 * its own per-finding severity (e.g. information for a quoted claim), which a fixed value would
 * override. Client-only keys (server.path, trace.server) are not the server's business.
 */
export function serverSettings(section: unknown): Record<string, unknown> {
  const src = section !== null && typeof section === 'object' ? (section as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    if (src[key] !== undefined && src[key] !== null) {
      // A deep copy: configuration objects handed out by VS Code are read-only proxies.
      out[key] = JSON.parse(JSON.stringify(src[key]));
    }
  }
  const severity = out.severity;
  if (severity !== null && typeof severity === 'object') {
    for (const [code, level] of Object.entries(severity as Record<string, unknown>)) {
      if (level === 'default' || level === '' || level === null) {
        delete (severity as Record<string, unknown>)[code];
      }
    }
  }
  return out;
}

/** The current settings for the server, as sent in initializationOptions. */
export function currentServerSettings(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration('clio');
  return serverSettings({
    checks: cfg.get('checks'),
    severity: cfg.get('severity'),
    knowledge: cfg.get('knowledge'),
    ignoreWords: cfg.get('ignoreWords'),
  });
}
