// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import dataGuard from './src/integrations/data-guard.ts';
import contentSecurityPolicy from './src/integrations/csp-fs.ts';

// Astro's anonymous telemetry would call out to the network at every build; the site loads
// and sends nothing to third parties, and neither does its build. (Astro has no config key
// for it: the variable is read when the build reports.)
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

/** Deployment under a sub-path: SITE_URL=https://example.org BASE_PATH=/gospabliki npm run build */
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.BUILD_OUT_DIR ?? './dist',
  // Two pages at a time: the page of downloads waits for them (written on another thread) while the rest render.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  integrations: [dataGuard(), svelte(), contentSecurityPolicy()],
  devToolbar: { enabled: false },
});
