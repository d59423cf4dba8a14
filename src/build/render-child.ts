/**
 * Entry point of the render process that `buildSite` forks: reads its options from the
 * command line, renders, and sends the result (or the error's message) to the parent.
 */
import { renderSite, type RenderOptions } from './render-site.ts';

const options = JSON.parse(process.argv[2]!) as RenderOptions;
try {
  const result = await renderSite(options);
  process.send!({ result }, () => process.exit(0));
} catch (error) {
  process.send!({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
}
