/**
 * Saved pages as a page source (`--from DIR`): a folder with a file per page, named by its
 * host and path (`gov-murman.ru`, `nso.ru.html`, `nso.ru/contacts.html`), or WARC files
 * (`*.warc`, `*.warc.gz`) read with warcio. A file `<page>.provenance` beside a page may say
 * where the copy is kept (`url: …`) and its date (`date: 2018-03`).
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { WARCParser } from 'warcio';
import { decodePage } from './decode.ts';
import { LINES, type FetchOutcome, type Page, type PageSource } from './page-source.ts';

const SKIP = /(?:^|\/)(?:README[^/]*|[^/]*\.provenance|[^/]*\.md|[^/]*\.json|\.[^/]*)$/i;
const WARC = /\.warc(?:\.gz)?$/i;

/** The lookup key of a page address: host without www, path without the trailing slash or `.html`. */
export function pageKey(address: string): string | null {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `http://${address}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  let pathname = decodeURIComponent(url.pathname)
    .replace(/\/index\.html?$/i, '/')
    .replace(/\.html?$/i, '')
    .replace(/\/+$/, '');
  if (pathname === '') pathname = '';
  return `${host}${pathname}${url.search}`;
}

/** The address a saved file stands for: `nso.ru.html` → http://nso.ru/, `nso.ru/press.html` → http://nso.ru/press. */
export function addressOfFile(relative: string): string {
  const parts = relative.split(/[\\/]/);
  parts[parts.length - 1] = parts[parts.length - 1]!.replace(/\.html?$/i, '');
  if (parts[parts.length - 1] === 'index' && parts.length > 1) parts.pop();
  const [host, ...rest] = parts;
  return `http://${host}/${rest.join('/')}`;
}

/** Reads `key: value` lines of a provenance file. */
export function readProvenance(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([a-z_]+)\s*:\s*(.+?)\s*$/i.exec(line);
    if (match) fields[match[1]!.toLowerCase()] = match[2]!.replace(/^["']|["']$/g, '');
  }
  return fields;
}

function walk(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const absolute = path.join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(absolute).isDirectory()) files.push(...walk(absolute, relative));
    else files.push(relative);
  }
  return files;
}

async function readWarc(file: string, add: (page: Page) => void): Promise<void> {
  const parser = new WARCParser(createReadStream(file));
  for await (const record of parser) {
    if (record.warcType !== 'response' && record.warcType !== 'resource') continue;
    const target = record.warcTargetURI;
    if (!target) continue;
    const status = Number(record.httpHeaders?.statusCode ?? 200);
    const contentType = record.httpHeaders?.headers.get('content-type') ?? record.warcContentType ?? '';
    if (!/html|text\/plain|^$/i.test(contentType)) {
      await record.skipFully();
      continue;
    }
    const body = decodePage(await record.readFully(true), contentType);
    add({
      url: target,
      finalUrl: target,
      status,
      body,
      contentType,
      truncated: false,
      copyDate: record.warcDate?.slice(0, 10) ?? undefined,
    });
  }
}

/** Opens a folder (or one WARC file) of saved pages. */
export async function openSaved(location: string): Promise<PageSource & { list(): string[] }> {
  const pages = new Map<string, Page>();
  const add = (page: Page) => {
    const key = pageKey(page.url);
    if (key && !pages.has(key)) pages.set(key, page);
  };
  if (!existsSync(location)) throw new Error(`папка или файл ${location} не найдены`);
  const files = statSync(location).isDirectory()
    ? walk(location).map((relative) => ({ relative, absolute: path.join(location, relative) }))
    : [{ relative: path.basename(location), absolute: location }];
  for (const { relative, absolute } of files) {
    if (WARC.test(relative)) {
      await readWarc(absolute, add);
      continue;
    }
    if (SKIP.test(relative)) continue;
    const address = addressOfFile(relative);
    const provenancePath = `${absolute}.provenance`;
    const provenance = existsSync(provenancePath) ? readProvenance(readFileSync(provenancePath, 'utf8')) : {};
    add({
      url: address,
      finalUrl: address,
      status: 200,
      body: decodePage(readFileSync(absolute)),
      contentType: 'text/html',
      truncated: false,
      copyDate: provenance.date,
      copyUrl: provenance.url,
    });
  }
  return {
    list: () => [...pages.values()].map((page) => page.url),
    async get(url: string): Promise<FetchOutcome> {
      const key = pageKey(url);
      const page = key ? pages.get(key) : undefined;
      if (!page) return { ok: false, url, reason: 'not-saved', message: LINES.notSaved(url) };
      return { ok: true, page };
    },
  };
}
