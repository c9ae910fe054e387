import fs from 'node:fs';
import path from 'node:path';
import { build, createServer, type InlineConfig, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config.ts';

const root = path.resolve(import.meta.dirname, '../..');
const source = fs.readFileSync(path.join(root, 'src/renderer/index.html'), 'utf8');
const renderer = (config as { renderer: InlineConfig }).renderer;
const rendererConfig: InlineConfig = {
  ...renderer,
  configFile: false,
  root: path.join(root, 'src/renderer'),
  logLevel: 'silent',
};

function csp(html: string): Record<string, string> {
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
  if (!content) throw new Error(`no Content-Security-Policy meta in:\n${html}`);
  return Object.fromEntries(
    content.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources.join(' ')];
    }),
  );
}

describe("the renderer page's Content-Security-Policy", () => {
  it("allows inline styles on the dev server, where Vite injects the app's CSS as <style> elements", async () => {
    const server = await createServer({
      ...rendererConfig,
      server: { middlewareMode: true, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    try {
      const served = csp(await server.transformIndexHtml('/index.html', source));
      expect(served['style-src']).toBe("'self' 'unsafe-inline'");
      expect({ ...served, 'style-src': csp(source)['style-src'] }).toEqual(csp(source));
    } finally {
      await server.close();
    }
  });

  it('stays strict in the built app', async () => {
    const output = (await build({
      ...rendererConfig,
      build: { ...renderer.build, write: false },
    })) as Rollup.RollupOutput;
    const page = output.output.find((file) => file.fileName === 'index.html') as Rollup.OutputAsset;
    expect(csp(String(page.source))).toEqual(csp(source));
    expect(csp(source)['style-src']).toBe("'self'");
  });
});
