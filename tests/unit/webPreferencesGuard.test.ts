import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InsecureWindowError,
  requiredWebPreferences,
  secureWebPreferences,
} from '../../src/main/electron/webPreferencesGuard.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('secureWebPreferences', () => {
  it('fills in every secure setting that is missing', () => {
    const prefs = secureWebPreferences({ preload: '/app/preload.cjs' });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
    });
    expect(secureWebPreferences(undefined)).toEqual(requiredWebPreferences);
  });

  it('passes settings that are already secure', () => {
    const secure = { contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true };
    expect(secureWebPreferences(secure)).toMatchObject(secure);
  });

  const insecure = [
    ['contextIsolation', false],
    ['nodeIntegration', true],
    ['sandbox', false],
    ['webSecurity', false],
    ['nodeIntegrationInSubFrames', true],
    ['nodeIntegrationInWorker', true],
    ['allowRunningInsecureContent', true],
    ['webviewTag', true],
  ] as const;
  for (const [key, value] of insecure) {
    it(`refuses ${key}: ${value}`, () => {
      expect(() => secureWebPreferences({ [key]: value }, 'test window')).toThrow(InsecureWindowError);
      expect(() => secureWebPreferences({ [key]: value }, 'test window')).toThrow(
        `Refusing to create the test window: webPreferences.${key} must be ${!value}`,
      );
    });
  }

  it('refuses one insecure setting among secure ones', () => {
    expect(() => secureWebPreferences({ contextIsolation: true, sandbox: false, preload: '/p.cjs' })).toThrow(
      /sandbox/,
    );
  });
});

// The sources, read as text: these tests hold for code written later too.
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(c|m)?[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}
const sources = sourceFiles(path.join(root, 'src')).map((file) => ({
  file: path.relative(root, file).split(path.sep).join('/'),
  text: fs.readFileSync(file, 'utf8'),
}));
const inShell = (file: string) => file.startsWith('src/main/electron/') || file === 'src/main/index.ts';

/** Modules a file loads or names: static, type-only, dynamic and require. */
function importsOf(source: string): { from: string; typeOnly: boolean; clause: string }[] {
  // Comments go first: the word "import" in a comment must not swallow the real import below it.
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [];
  for (const match of text.matchAll(/\bimport\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    found.push({ from: match[3]!, typeOnly: Boolean(match[1]), clause: match[2]! });
  }
  for (const match of text.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ from: match[1]!, typeOnly: false, clause: '*' });
  }
  for (const match of text.matchAll(/\bimport\s+['"]([^'"]+)['"]/g))
    found.push({ from: match[1]!, typeOnly: false, clause: '' });
  return found;
}
const isElectron = (from: string) => from === 'electron' || from.startsWith('electron/');

describe('every window goes through the guard', () => {
  it('the sources were found', () => {
    expect(sources.some(({ file }) => file === 'src/main/index.ts')).toBe(true);
  });

  it('has exactly one `new BrowserWindow`, inside createSecureWindow, which calls the guard', () => {
    const uses = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bnew\s+(?:\w+\.)?BrowserWindow\b/g)].map((match) => ({ file, text, at: match.index })),
    );
    expect(uses.map(({ file }) => file)).toEqual(['src/main/electron/secureWindow.ts']);
    const { text, at } = uses[0]!;
    const start = text.indexOf('export function createSecureWindow(');
    const end = text.indexOf('\n}\n', start);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(at).toBeGreaterThan(start);
    expect(at).toBeLessThan(end);
    expect(text.slice(start, end)).toMatch(/webPreferences:\s*secureWebPreferences\(/);
  });

  it('creates no other kind of web contents that would skip the guard', () => {
    const others = sources.filter(({ text }) => /\bnew\s+(?:\w+\.)?(BrowserView|WebContentsView)\b/.test(text));
    expect(others.map(({ file }) => file)).toEqual([]);
  });

  it('imports BrowserWindow as a value only where the window is created, and electron only by name', () => {
    const problems = sources.flatMap(({ file, text }) =>
      importsOf(text)
        .filter(({ from, typeOnly }) => isElectron(from) && !typeOnly)
        .flatMap(({ clause }) => {
          if (clause === '*' || !clause.trim().startsWith('{'))
            return [`${file}: imports electron without naming what`];
          const values = clause
            .replace(/[{}]/g, '')
            .split(',')
            .map((name) => name.trim())
            .filter((name) => name !== '' && !name.startsWith('type '));
          const windowMakers = values.filter((name) => /^(BrowserWindow|BrowserView|WebContentsView)\b/.test(name));
          return windowMakers.length > 0 && file !== 'src/main/electron/secureWindow.ts'
            ? [`${file}: imports ${windowMakers.join(', ')}`]
            : [];
        }),
    );
    expect(problems).toEqual([]);
  });
});

describe('only the shell loads Electron', () => {
  it("imports 'electron' only in src/main/electron/, src/main/index.ts and src/preload/", () => {
    const outside = sources
      .filter(({ file }) => !inShell(file) && !file.startsWith('src/preload/'))
      .filter(({ text }) => importsOf(text).some(({ from }) => isElectron(from)))
      .map(({ file }) => file);
    expect(outside).toEqual([]);
  });

  it('imports electron-store, which loads Electron, only in the shell', () => {
    const outside = sources
      .filter(({ file }) => !inShell(file))
      .filter(({ text }) => importsOf(text).some(({ from }) => from === 'electron-store'))
      .map(({ file }) => file);
    expect(outside).toEqual([]);
  });

  it('the scan sees every way of importing', () => {
    const sample = [
      "import { app } from 'electron';",
      "import type { WebPreferences } from 'electron';",
      "import electron from 'electron/main';",
      "const { shell } = require('electron');",
      "await import('electron');",
      "import 'electron';",
    ].join('\n');
    expect(importsOf(sample).map(({ from, typeOnly }) => `${from}${typeOnly ? ' (type)' : ''}`)).toEqual([
      'electron',
      'electron (type)',
      'electron/main',
      'electron',
      'electron',
      'electron',
    ]);
  });
});
