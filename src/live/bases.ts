/**
 * Base addresses of the services verify talks to. Every one is settable (options, then the
 * environment), so tests point them at loopback fakes and nothing in tests leaves the machine.
 */
export type ServiceBases = { vkApi: string; telegram: string; max: string; ok: string };

export const DEFAULT_BASES: ServiceBases = {
  vkApi: 'https://api.vk.com/method',
  telegram: 'https://t.me',
  max: 'https://max.ru',
  ok: 'https://ok.ru',
};

/** Environment variables that override the bases. */
export const BASE_ENV: Record<keyof ServiceBases, string> = {
  vkApi: 'VK_API_BASE',
  telegram: 'TELEGRAM_BASE',
  max: 'MAX_BASE',
  ok: 'OK_BASE',
};

export function serviceBases(env: Record<string, string | undefined>, overrides: Partial<ServiceBases> = {}): ServiceBases {
  const bases = { ...DEFAULT_BASES };
  for (const key of Object.keys(bases) as Array<keyof ServiceBases>) {
    const value = overrides[key] ?? env[BASE_ENV[key]];
    if (value) bases[key] = value.replace(/\/+$/, '');
  }
  return bases;
}
