import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const strictStyles = "style-src 'self'";

/**
 * The page's CSP (index.html) allows only our own files. The dev server injects CSS as <style> elements, which
 * that policy blocks (the page shows unstyled): for the dev server only, allow inline styles. Its inline scripts
 * (React's refresh preamble) are prepended before the CSP meta, which does not govern them. Builds never run
 * this plugin and keep the strict policy.
 */
export function devServerCsp(): Plugin {
  return {
    name: 'twoway:dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      if (!html.includes(strictStyles)) {
        throw new Error(`index.html's Content-Security-Policy has no "${strictStyles}" for the dev server to relax`);
      }
      return html.replace(strictStyles, `${strictStyles} 'unsafe-inline'`);
    },
  };
}

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: 'src/main/index.ts' } } },
  },
  preload: {
    // A sandboxed preload can require only 'electron': bundle everything else into one CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: 'src/preload/index.ts' },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react(), devServerCsp()],
    build: { minify: true, rollupOptions: { input: { index: 'src/renderer/index.html' } } },
  },
});
