/**
 * `npm run preview`: the built site on a local port. A busy port is not an error a person
 * should have to read a stack trace for: the site starts on a free port and one Russian line
 * says so. Other failures to listen get one line with what to do.
 */
import type { Server } from 'node:http';
import { startStaticServer } from './static-server.ts';

export type PreviewOptions = { root: string; port: number; host: string; base: string };
export type PreviewResult = { ok: true; server: Server; url: string; lines: string[] } | { ok: false; lines: string[] };

const codeOf = (error: unknown) => (error && typeof error === 'object' && 'code' in error ? String(error.code) : '');

/** Starts the preview server, on a free port when the requested one is taken. */
export async function startPreview({ root, port, host, base }: PreviewOptions): Promise<PreviewResult> {
  try {
    const { server, url } = await startStaticServer(root, { port, host, base });
    return { ok: true, server, url, lines: [`Госпаблики: сайт доступен по адресу ${url}`, 'Остановить: Ctrl+C'] };
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EADDRINUSE' && port !== 0) {
      const { server, url } = await startStaticServer(root, { port: 0, host, base });
      return {
        ok: true,
        server,
        url,
        lines: [`Порт ${port} занят другой программой — сайт запущен на свободном порту: ${url}`, 'Остановить: Ctrl+C'],
      };
    }
    if (code === 'EACCES')
      return { ok: false, lines: [`Нет прав открыть порт ${port}: выберите порт больше 1024, например PORT=8080 npm run preview`] };
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      return { ok: false, lines: [`Адреса ${host} нет на этом компьютере: запустите без HOST или с HOST=127.0.0.1`] };
    return {
      ok: false,
      lines: [`Не удалось запустить сайт на ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}
