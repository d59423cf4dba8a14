/**
 * Writes each built page's Content-Security-Policy (see content-security-policy.ts) into the
 * page, and a `_headers` file for hosts that read one. Runs when Astro has written the pages,
 * before the search index is built. Pages with inline event handlers stop the build: a
 * hash-based policy would block them, so they would silently not work.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADER_POLICY, hasInlineHandlers, withPolicy } from './content-security-policy.ts';

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.isFile() && entry.name.endsWith('.html')) yield full;
  }
}

/** The `_headers` file: the shared policy and a few safe defaults for every path. */
export const HEADERS_FILE = `/*\n  Content-Security-Policy: ${HEADER_POLICY}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`;

export function applyPolicies(outDir: string): number {
  let pages = 0;
  const withHandlers: string[] = [];
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    if (hasInlineHandlers(html)) withHandlers.push(path.relative(outDir, file));
    const next = withPolicy(html);
    if (next !== html) writeFileSync(file, next);
    pages++;
  }
  if (withHandlers.length)
    throw new Error(
      `В страницах есть встроенные обработчики событий (on…=), их запретит политика безопасности: ${withHandlers.slice(0, 5).join(', ')}`,
    );
  writeFileSync(path.join(outDir, '_headers'), HEADERS_FILE);
  return pages;
}

export default function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'gospabliki:content-security-policy',
    hooks: {
      'astro:build:done': ({ dir }) => {
        applyPolicies(fileURLToPath(dir));
      },
    },
  };
}
