import type { APIRoute } from 'astro';
import { getRegistry } from '../site/registry-fs.ts';
import { sitemapPaths } from '../model/site-map.ts';
import { href } from '../site/paths.ts';

/** Every public page of the portal, for search engines. */
export const GET: APIRoute = ({ site }) => {
  const urls = sitemapPaths(getRegistry()).map((p) => `  <url><loc>${new URL(href(p), site).href}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
