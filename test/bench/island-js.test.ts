/** Which JS files a page loads: scripts and islands named in the HTML, then every import, followed. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { moduleImports, pageScriptUrls, resolveModule, withoutBase } from '../../src/bench/island-js.ts';
import { islandJsPerPage } from '../../src/bench/island-js-fs.ts';

describe('island JS of a page', () => {
  test('reads script, island component and renderer addresses; skips other sites', () => {
    const html = `<script type="module" src="/_astro/page.js"></script>
      <astro-island uid="1" component-url="/_astro/Bar.js" component-export="default" renderer-url="/_astro/client.js" props="{}"></astro-island>
      <astro-island uid="2" component-url="/_astro/Bar.js" renderer-url="/_astro/client.js"></astro-island>
      <link rel="modulepreload" href="/_astro/pre.js"><script src="https://cdn.example.org/x.js"></script><link rel="stylesheet" href="/a.css">`;
    expect(pageScriptUrls(html)).toEqual(['/_astro/page.js', '/_astro/Bar.js', '/_astro/client.js', '/_astro/pre.js']);
  });

  test('finds static, side-effect and dynamic relative imports in minified modules', () => {
    const js = `import{a as b}from"./chart.A1.js";import"./side.js";const c=()=>import("./lazy.js");export{x}from'../up.js';import y from"svelte";`;
    expect(moduleImports(js)).toEqual(['./chart.A1.js', './side.js', './lazy.js', '../up.js']);
  });

  test('resolves imports against the importing module and strips the base path', () => {
    expect(resolveModule('/_astro/Bar.js', './chart.js')).toBe('/_astro/chart.js');
    expect(resolveModule('/gospabliki/_astro/Bar.js', '../x.js')).toBe('/gospabliki/x.js');
    expect(withoutBase('/gospabliki/_astro/Bar.js', '/gospabliki')).toBe('/_astro/Bar.js');
    expect(withoutBase('/_astro/Bar.js', '/')).toBe('/_astro/Bar.js');
  });

  test('sums gzipped sizes over the import graph once per file', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'island-js-'));
    mkdirSync(path.join(dist, '_astro'));
    mkdirSync(path.join(dist, 'regions', 'x'), { recursive: true });
    const files = {
      'Bar.js': 'import{C}from"./chart.js";import"./shared.js";export default 1;',
      'Line.js': 'import{C}from"./chart.js";export default 2;',
      'chart.js': `import"./shared.js";export const C=${JSON.stringify('x'.repeat(5000))};`,
      'shared.js': 'export const s=1;',
      'unused.js': 'export const u=1;',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dist, '_astro', name), text);
    writeFileSync(
      path.join(dist, 'regions', 'x', 'index.html'),
      '<astro-island component-url="/_astro/Bar.js"></astro-island><astro-island component-url="/_astro/Line.js"></astro-island>',
    );
    const result = islandJsPerPage(dist, '/regions/x/', '/');
    expect(result.files.map((f) => f.file)).toEqual(['/_astro/Bar.js', '/_astro/Line.js', '/_astro/chart.js', '/_astro/shared.js']);
    const expected = ['Bar.js', 'Line.js', 'chart.js', 'shared.js'].reduce(
      (n, f) => n + gzipSync(files[f as keyof typeof files], { level: 9 }).length,
      0,
    );
    expect(result.gzipBytes).toBe(expected);
  });
});
