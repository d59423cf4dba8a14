/**
 * Loopback fakes of the VK API, Telegram, MAX and OK answering in their documented shapes:
 * VK `groups.getById` (API 5.199: `{response: {groups, profiles}}`) and `users.get`
 * (`{response: [...]}`), VK error objects (`{error: {error_code, error_msg, request_params}}`),
 * Telegram's t.me/s channel preview markup, Open Graph pages for MAX and OK.
 */
import type { ServerResponse } from 'node:http';
import { startLoopback } from '../live/loopback.ts';

export type VkGroup = Record<string, unknown> & { id: number; name: string; screen_name: string };

export const vkError = (code: number, message: string, method: string) => ({
  error: {
    error_code: code,
    error_msg: message,
    request_params: [
      { key: 'method', value: method },
      { key: 'v', value: '5.199' },
    ],
  },
});

export type FakeOptions = {
  groups: Record<string, VkGroup>;
  users?: Record<string, Record<string, unknown>>;
  /** Answer the next VK calls with these bodies (error objects, raw strings) before normal answers. */
  vkQueue?: Array<unknown>;
  /** `/tg/s/<name>` bodies; a missing name answers with Telegram's plain card (no channel). */
  telegram?: Record<string, string>;
  max?: Record<string, string>;
  ok?: Record<string, string>;
  /** Paths answered with 429 and this Retry-After, once. */
  busy?: Record<string, string>;
  /** Paths that never answer. */
  silent?: string[];
  /** Paths that stream a huge body. */
  huge?: string[];
  robots?: string;
};

const send = (res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8') => {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.end(body);
};

export const telegramChannel = (title: string, description: string, verified = false) => `<!DOCTYPE html>
<html><head><meta property="og:title" content="${title}"></head><body>
<div class="tgme_channel_info">
  <div class="tgme_channel_info_header">
    <i class="tgme_page_photo_image bgcolor1"><img src="https://cdn4.telesco.pe/file/x.jpg"></i>
    <div class="tgme_channel_info_header_title"><span dir="auto">${title}</span>${verified ? '<i class="verified-icon"></i>' : ''}</div>
    <div class="tgme_channel_info_header_username"><a href="https://t.me/x">@x</a></div>
  </div>
  <div class="tgme_channel_info_description">${description}</div>
  <div class="tgme_channel_info_counters"><div class="tgme_channel_info_counter"><span class="counter_value">12.3K</span> <span class="counter_type">subscribers</span></div></div>
</div></body></html>`;

/** What t.me answers for a name that is no channel: a page without a title block. */
export const TELEGRAM_NO_CHANNEL =
  '<!DOCTYPE html><html><head><title>Telegram: Contact @x</title></head><body><div class="tgme_page"><div class="tgme_page_icon"></div><div class="tgme_page_additional">If you have <strong>Telegram</strong>, you can contact right away.</div></div></body></html>';

export const openGraphPage = (title: string, description: string, body = '') =>
  `<!DOCTYPE html><html><head><meta property="og:title" content="${title}"><meta property="og:description" content="${description}"></head><body>${body}</body></html>`;

export async function startFakes(options: FakeOptions) {
  const queue = [...(options.vkQueue ?? [])];
  const busy = new Map(Object.entries(options.busy ?? {}));
  const server = await startLoopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path === '/robots.txt') return send(res, 200, options.robots ?? 'User-agent: *\nAllow: /\n', 'text/plain');
    if (busy.has(path)) {
      res.statusCode = 429;
      res.setHeader('retry-after', busy.get(path)!);
      busy.delete(path);
      return res.end();
    }
    if (options.silent?.includes(path)) return;
    if (options.huge?.includes(path)) {
      res.setHeader('content-type', 'text/html');
      res.on('error', () => {});
      const chunk = '<p>много</p>'.repeat(5000);
      let n = 0;
      const push = () => {
        while (n < 400 && res.write(chunk)) n++;
        if (n < 400) res.once('drain', push);
        else res.end();
      };
      return push();
    }
    if (path.startsWith('/method/')) {
      const method = path.slice('/method/'.length);
      const form = new URLSearchParams(req.body);
      if (queue.length) {
        const next = queue.shift();
        return send(res, 200, typeof next === 'string' ? next : JSON.stringify(next), 'application/json');
      }
      if (!form.get('access_token'))
        return send(res, 200, JSON.stringify(vkError(5, 'User authorization failed: no access_token passed.', method)), 'application/json');
      if (method === 'groups.getById') {
        const ids = (form.get('group_ids') ?? '').split(',');
        const found = ids.map((id) => options.groups[id.toLowerCase()]);
        if (found.some((g) => !g))
          return send(
            res,
            200,
            JSON.stringify(vkError(100, 'One of the parameters specified was missing or invalid: group_ids is undefined', method)),
            'application/json',
          );
        return send(res, 200, JSON.stringify({ response: { groups: found, profiles: [] } }), 'application/json');
      }
      if (method === 'users.get') {
        const ids = (form.get('user_ids') ?? '').split(',');
        const found = ids.map((id) => options.users?.[id.toLowerCase()]).filter(Boolean);
        return send(res, 200, JSON.stringify({ response: found }), 'application/json');
      }
      return send(res, 200, JSON.stringify(vkError(3, 'Unknown method passed', method)), 'application/json');
    }
    const tg = /^\/tg\/s\/([\w]+)$/.exec(path);
    if (tg) return send(res, 200, options.telegram?.[tg[1]!.toLowerCase()] ?? TELEGRAM_NO_CHANNEL);
    const page = /^\/(max|ok)\/(.+)$/.exec(path);
    if (page) {
      const body = options[page[1] as 'max' | 'ok']?.[page[2]!.toLowerCase()];
      return body === undefined ? send(res, 404, 'Not found') : send(res, 200, body);
    }
    send(res, 404, 'Not found');
  });
  return {
    ...server,
    bases: { vkApi: `${server.url}/method`, telegram: `${server.url}/tg`, max: `${server.url}/max`, ok: `${server.url}/ok` },
  };
}
