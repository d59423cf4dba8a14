/**
 * The one interface through which harvest and verify read pages: the live web (a polite
 * fetcher) or saved copies (a folder, WARC files). Types and the Russian lines shared by both.
 */
import { REPOSITORY_URL } from '../model/project.ts';

/** The product token matched against robots.txt user-agent lines. */
export const ROBOTS_TOKEN = 'GospablikiBot';
/** Names the project and its address, so a site's staff know who reads and where to write (HTTP headers are ASCII). */
export const USER_AGENT = `${ROBOTS_TOKEN}/1.0 (+${REPOSITORY_URL}; open registry of official pages of Russian state bodies)`;

export type Page = {
  /** The address asked for. */
  url: string;
  /** The address the body came from (after redirects). */
  finalUrl: string;
  status: number;
  body: string;
  contentType: string;
  /** True when the body was cut at the byte cap. */
  truncated: boolean;
  /** For saved copies: the date of the copy when known (ISO, possibly partial). */
  copyDate?: string;
  /** For saved copies: where a reader can see the copy (a repository file, an archive). */
  copyUrl?: string;
};

export type FetchFailure = {
  ok: false;
  url: string;
  reason: 'robots' | 'timeout' | 'status' | 'network' | 'redirects' | 'not-saved' | 'retry-after' | 'scheme';
  status?: number;
  /** One Russian line saying what happened. */
  message: string;
};

export type FetchOutcome = { ok: true; page: Page } | FetchFailure;

export type GetOptions = {
  accept?: string;
  /** false for an official API called with a key (api.vk.com): robots.txt governs crawlers, not API clients. */
  robots?: boolean;
  /** Sends a form by POST (keeps keys such as VK_TOKEN out of addresses and logs). */
  form?: Record<string, string>;
};

export interface PageSource {
  get(url: string, options?: GetOptions): Promise<FetchOutcome>;
  /** Saved sources know their pages; the live web does not. */
  list?(): string[];
}

/** Human-readable byte counts for the lines below. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} МБ`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} КБ`;
  return `${bytes} Б`;
}

export const LINES = {
  robots: (url: string) => `${url}: пропущено — robots.txt сайта запрещает чтение этой страницы`,
  robotsUnavailable: (url: string, status: number) =>
    `${url}: пропущено — robots.txt сайта недоступен (HTTP ${status}), читать сайт нельзя`,
  timeout: (url: string, ms: number) => `${url}: нет ответа за ${String(Math.round(ms / 100) / 10).replace('.', ',')} с — пропущено`,
  status: (url: string, status: number) => `${url}: сервер ответил HTTP ${status}`,
  network: (url: string, detail: string) => `${url}: не удалось соединиться (${detail})`,
  redirects: (url: string, limit: number) => `${url}: больше ${limit} перенаправлений — пропущено`,
  retryAfter: (url: string, seconds: number, cap: number) =>
    `${url}: сервер просит подождать ${seconds} с — это больше предела ${cap} с, пропущено`,
  truncated: (url: string, cap: number) => `${url}: страница больше ${formatBytes(cap)} — прочитано только начало`,
  notSaved: (url: string) => `${url}: такой страницы нет среди сохранённых копий`,
  scheme: (url: string) => `${url}: читаются только адреса http и https`,
} as const;
