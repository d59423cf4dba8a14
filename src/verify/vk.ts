/**
 * The VK API, the pure part: which method asks about an account, how to read its answer
 * (both the `{response: {groups: […]}}` shape of API 5.139+ and the older `{response: […]}`),
 * and what each documented error means for the run. Strings in, records out.
 */

/** The API version asked for. */
export const VK_API_VERSION = '5.199';
/** The environment variable with the API key (a service key of a VK app is enough). */
export const VK_TOKEN_ENV = 'VK_TOKEN';
export const GROUP_FIELDS = 'is_government_organization,verified,screen_name,site,deactivated';
export const USER_FIELDS = 'verified,screen_name,site,deactivated';

/** What the API says about one community or person. */
export type VkObject = {
  id: number;
  name: string;
  screen_name?: string;
  deactivated?: string;
  is_government_organization?: number | boolean;
  verified?: number | boolean;
  site?: string;
  kind: 'group' | 'user';
};

export type VkError = { code: number; message: string };
export type VkAnswer = { ok: true; items: VkObject[] } | { ok: false; error: VkError };

/** The method and ids for a registry key: `id123` is a person, `club123` a community by number, else a screen name. */
export function vkTarget(key: string): { method: 'groups.getById' | 'users.get'; id: string } {
  const user = /^id(\d+)$/.exec(key);
  if (user) return { method: 'users.get', id: user[1]! };
  const club = /^club(\d+)$/.exec(key);
  return { method: 'groups.getById', id: club ? club[1]! : key };
}

/** Reads an API answer body. */
export function parseVkAnswer(body: string, method: 'groups.getById' | 'users.get'): VkAnswer {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: { code: -1, message: 'ответ не JSON' } };
  }
  const object = json as { error?: { error_code?: number; error_msg?: string }; response?: unknown };
  if (object.error)
    return { ok: false, error: { code: Number(object.error.error_code ?? -1), message: String(object.error.error_msg ?? '') } };
  const response = object.response as unknown;
  const list = Array.isArray(response) ? response : (response as { groups?: unknown[] } | undefined)?.groups;
  if (!Array.isArray(list)) return { ok: false, error: { code: -1, message: 'в ответе нет списка' } };
  const kind = method === 'users.get' ? 'user' : 'group';
  const items = list.map((raw) => {
    const item = raw as Record<string, unknown>;
    const name = kind === 'user' ? `${String(item.first_name ?? '')} ${String(item.last_name ?? '')}`.trim() : String(item.name ?? '');
    return {
      id: Number(item.id),
      name,
      screen_name: typeof item.screen_name === 'string' ? item.screen_name : undefined,
      deactivated: typeof item.deactivated === 'string' ? item.deactivated : undefined,
      is_government_organization: item.is_government_organization as number | undefined,
      verified: item.verified as number | undefined,
      site: typeof item.site === 'string' ? item.site : undefined,
      kind,
    } satisfies VkObject;
  });
  return { ok: true, items };
}

/** What the run does after an error: stop VK for the run, wait and retry, or skip the accounts asked. */
export type VkErrorAction = 'stop' | 'retry' | 'skip' | 'split';

export function vkErrorAction(code: number, batchSize: number): VkErrorAction {
  if (code === 5 || code === 29) return 'stop';
  if (code === 6 || code === 10) return 'retry';
  if (code === 100 && batchSize > 1) return 'split';
  return 'skip';
}

/** The Russian line for an error (never containing the key). */
export function vkErrorLine(error: VkError, subject: string): string {
  switch (error.code) {
    case 5:
      return `VK: ключ доступа не принят (ошибка 5: ${error.message}) — проверка VK остановлена; выдайте новый ключ в ${VK_TOKEN_ENV}`;
    case 6:
      return 'VK: слишком много запросов в секунду (ошибка 6) — пауза и повтор';
    case 29:
      return 'VK: исчерпан суточный предел запросов к методу (ошибка 29) — проверка VK остановлена до следующего запуска';
    case 15:
      return `${subject}: доступ запрещён (ошибка 15: ${error.message}) — пропущено`;
    case 100:
      return `${subject}: VK не знает такого сообщества или страницы (ошибка 100: ${error.message}) — возможно, адрес сменился или страница удалена; проверьте вручную`;
    default:
      return `${subject}: VK ответил ошибкой ${error.code}${error.message ? ` (${error.message})` : ''} — пропущено`;
  }
}

/** True when the API value is a yes (1 or true). */
export const yes = (value: unknown) => value === 1 || value === true || value === '1';
