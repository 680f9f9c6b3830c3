// Finds the clio-ls executable: the clio.server.path setting, then PATH, then the copy bundled in the extension.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const EXE = process.platform === 'win32' ? 'clio-ls.exe' : 'clio-ls';

/** Where the server was found, and how, for the output channel and error messages. */
export interface Found {
  command: string;
  via: 'setting' | 'PATH' | 'bundled';
}

/**
 * Why no server could be used: `configured` is set when clio.server.path names a missing file;
 * `bundled` is where this package would hold its own copy (only the linux-x64 package has one).
 */
export interface NotFound {
  configured?: string;
  searched: string[];
  bundled?: string;
}

function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    // Windows has no execute bit; existence is what counts there.
    if (process.platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** Expands `~`, `${workspaceFolder}` and `${userHome}`; a relative result is taken from the first workspace folder. */
export function expandPath(raw: string, workspaceFolder: string | undefined): string {
  let p = raw.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(os.homedir(), p.slice(1));
  }
  p = p.replace(/\$\{userHome\}/g, os.homedir());
  if (workspaceFolder !== undefined) {
    p = p.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (!path.isAbsolute(p) && workspaceFolder !== undefined) {
    p = path.join(workspaceFolder, p);
  }
  return path.normalize(p);
}

function onPath(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, EXE);
    if (isExecutable(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * Resolves the server in the documented order. An explicit but broken clio.server.path is an
 * error rather than a silent fall-back, so the user learns their setting is not being used.
 */
export function findServer(setting: string, workspaceFolder: string | undefined, extensionPath: string): Found | NotFound {
  if (setting.trim() !== '') {
    const configured = expandPath(setting, workspaceFolder);
    return isExecutable(configured) ? { command: configured, via: 'setting' } : { configured, searched: [configured] };
  }
  const fromPath = onPath();
  if (fromPath !== undefined) {
    return { command: fromPath, via: 'PATH' };
  }
  const bundled = path.join(extensionPath, 'server', EXE);
  if (isExecutable(bundled)) {
    return { command: bundled, via: 'bundled' };
  }
  return { searched: [`${EXE} on PATH`, bundled], bundled };
}

export function isFound(x: Found | NotFound): x is Found {
  return (x as Found).command !== undefined;
}
