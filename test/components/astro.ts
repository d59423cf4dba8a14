/**
 * Renders .astro components in unit tests with Astro's container API. The unit project has
 * no Astro plugin, so the component modules are compiled by a Vite server built from the
 * project's own Astro config (the withastro/astro `container-with-vitest` example does the
 * same through `getViteConfig` in the Vitest config).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getViteConfig } from 'astro/config';
import { createServer, type ViteDevServer } from 'vite';
import { tmpdir } from 'node:os';
import path from 'node:path';

let server: ViteDevServer | undefined;
let container: AstroContainer | undefined;

export async function renderComponent(file: string, props: Record<string, unknown>): Promise<string> {
  if (!server) {
    const config = await getViteConfig({
      logLevel: 'error',
      appType: 'custom',
      server: { middlewareMode: true, hmr: false, watch: null },
      // No dependency pre-bundling: it scans the whole project and takes a minute; SSR needs none of it.
      optimizeDeps: { noDiscovery: true, include: [] },
      environments: { client: { optimizeDeps: { noDiscovery: true } } },
      cacheDir: path.join(tmpdir(), 'gospabliki-component-tests'),
    })({ command: 'serve', mode: 'test' });
    server = await createServer(config);
  }
  container ??= await AstroContainer.create();
  const module = (await server.ssrLoadModule(file)) as { default: Parameters<AstroContainer['renderToString']>[0] };
  return container.renderToString(module.default, { props });
}

export async function closeRenderer(): Promise<void> {
  await server?.close();
  server = undefined;
}
