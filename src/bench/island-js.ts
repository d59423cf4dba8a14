/**
 * Which JavaScript files a built page loads: module scripts, island components and their
 * renderers, and every module those import (static and dynamic imports, followed to the
 * end). Pure: the file system side is in island-js-fs.ts.
 */

/** Site-absolute addresses of the scripts a page's HTML names (`<script src>`, astro-island component and renderer URLs, modulepreload links). */
export function pageScriptUrls(html: string): string[] {
  const urls = new Set<string>();
  const patterns = [
    /<script\b[^>]*\bsrc="([^"]+)"/g,
    /<astro-island\b[^>]*\bcomponent-url="([^"]+)"/g,
    /<astro-island\b[^>]*\brenderer-url="([^"]+)"/g,
    /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g,
  ];
  for (const pattern of patterns) for (const match of html.matchAll(pattern)) urls.add(match[1]!);
  return [...urls].filter((u) => !/^[a-z]+:\/\//i.test(u) && u.endsWith('.js'));
}

/** Relative module specifiers a bundled module imports (`from"./x.js"`, `import"./x.js"`, `import("./x.js")`). */
export function moduleImports(js: string): string[] {
  const found = new Set<string>();
  for (const match of js.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) found.add(match[1]!);
  return [...found];
}

/** Resolves a relative specifier against the site-absolute path of the importing module. */
export function resolveModule(from: string, specifier: string): string {
  return new URL(specifier, `http://site${from}`).pathname;
}

/** Strips the deployment base path (BASE_PATH) from a site-absolute address. */
export function withoutBase(url: string, base = '/'): string {
  const prefix = base.replace(/\/?$/, '/');
  return url.startsWith(prefix) ? `/${url.slice(prefix.length)}` : url;
}
