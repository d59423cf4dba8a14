/**
 * The preview server compresses text as static hosts do, so that Lighthouse and the bench
 * measure what a visitor downloads, and leaves downloads byte for byte.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer } from '../../src/serve/static-server.ts';

const root = mkdtempSync(path.join(tmpdir(), 'static-'));
const html = `<!doctype html><html lang="ru"><title>Госпаблики</title>${'<p>Официальные страницы</p>'.repeat(200)}</html>`;
const csv = 'id,name\r\n1,Москва\r\n';
let base: string;
let close: () => void;

beforeAll(async () => {
  mkdirSync(path.join(root, 'regions', 'moskva'), { recursive: true });
  mkdirSync(path.join(root, 'data'), { recursive: true });
  writeFileSync(path.join(root, 'regions', 'moskva', 'index.html'), html);
  writeFileSync(path.join(root, 'data', 'regions.csv'), csv);
  writeFileSync(path.join(root, '404.html'), '<p>Не найдено</p>');
  const { server, url } = await startStaticServer(root);
  base = url;
  close = () => server.close();
});
afterAll(() => {
  close();
  rmSync(root, { recursive: true, force: true });
});

function get(
  pathname: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(new URL(pathname, base), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the preview server', () => {
  test('gzips a page for a browser that accepts it, and the page decodes to the file', async () => {
    const response = await get('regions/moskva/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body.length).toBeLessThan(Buffer.byteLength(html) / 5);
    expect(gunzipSync(response.body).toString()).toBe(html);
  });

  test('sends the page as it is to a client that does not ask for gzip', async () => {
    const response = await get('regions/moskva/');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(html);
  });

  test('never re-encodes a download, so its bytes match SHA256SUMS', async () => {
    const response = await get('data/regions.csv', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(csv);
  });

  test('answers a missing page with the 404 page', async () => {
    const response = await get('nowhere/', { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(404);
    expect(gunzipSync(response.body).toString()).toBe('<p>Не найдено</p>');
  });
});
