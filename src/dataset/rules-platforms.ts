/**
 * platforms.yaml is data too, and a hostile one must not reach the pages or hang the
 * validator: URL templates must give https addresses on the platform's own hosts, and
 * patterns must compile and be free of catastrophic backtracking.
 */
import type { Platform } from '../schema/index.ts';
import { collector, uniqueIds, type Located } from './rule-context.ts';
import type { Issue } from './issues.ts';

/**
 * Why a pattern may backtrack catastrophically, or null: a repeated group (`+`, `*`, `{n,}`)
 * that itself repeats something or holds an alternation (`(a+)+`, `(\w|\d)*`). A static
 * rule rather than a time budget: JavaScript cannot interrupt a running regular expression.
 */
export function backtrackingRisk(pattern: string): string | null {
  type Group = { repeats: boolean; alternates: boolean };
  const stack: Group[] = [{ repeats: false, alternates: false }];
  let closed: Group | null = null;
  const repeatAt = (i: number): number => {
    const ch = pattern[i];
    if (ch === '+' || ch === '*') return 1;
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (m && m[2] !== undefined && (m[3] === '' || Number(m[3]) > 1)) return m[0].length;
      if (m && m[2] === undefined && Number(m[1]) > 1) return m[0].length;
    }
    return 0;
  };
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const top = stack.at(-1)!;
    if (ch === '\\') {
      i++;
      closed = null;
      continue;
    }
    if (ch === '[') {
      // A character class repeats nothing inside; skip to its end.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j;
      closed = null;
      continue;
    }
    if (ch === '(') {
      stack.push({ repeats: false, alternates: false });
      closed = null;
      continue;
    }
    if (ch === ')') {
      closed = stack.length > 1 ? stack.pop()! : null;
      if (closed?.repeats) stack.at(-1)!.repeats = true;
      continue;
    }
    if (ch === '|') top.alternates = true;
    const width = repeatAt(i);
    if (width > 0) {
      if (closed && (closed.repeats || closed.alternates)) {
        return closed.repeats
          ? 'повторяемая группа сама содержит повторение (вроде (a+)+)'
          : 'повторяемая группа содержит варианты через | (вроде (a|ab)*)';
      }
      top.repeats = true;
      i += width - 1;
    }
    closed = null;
  }
  return null;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

/** Schemes that run code or read local data: never a way to open a platform. */
const FORBIDDEN_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file', 'blob', 'about', 'http', 'https']);

/** Platform ids whose rules cannot be run safely; their accounts are not canonicalised. */
export type PlatformCheck = { issues: Issue[]; unusable: Set<string> };

function templateProblem(platform: Platform): string | null {
  if (!platform.canonical_url.includes('{key}')) return 'в шаблоне нет {key}';
  return addressProblem(platform, platform.canonical_url.replace('{key}', 'key'));
}

/** A mirror's template of the original address (`https://t.me/s/$1`), filled with a sample. */
function originalProblem(platform: Platform, template: string): string | null {
  return addressProblem(platform, template.replace(/\$\d/g, 'key'));
}

/** Why an address a template gives may not be published as a link, or null. */
function addressProblem(platform: Platform, address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'шаблон не даёт адреса';
  }
  if (url.protocol !== 'https:') return `адрес начинается с «${url.protocol}», а нужен https:`;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (!platform.hosts.some((h) => h.toLowerCase().replace(/^www\./, '') === host))
    return `домен ${url.hostname} не входит в hosts этой площадки`;
  if (url.username || url.password || url.port) return 'в адресе есть имя пользователя, пароль или порт';
  return null;
}

export function checkPlatforms(platforms: readonly Platform[], source: Located | undefined): PlatformCheck {
  const { issues, report } = collector();
  const unusable = new Set<string>();
  if (!source) return { issues, unusable };
  const unique = uniqueIds(report);
  platforms.forEach((p, i) => {
    unique('platform', p.id, source, ['platforms', i, 'id'], 'площадка');
    const problem = templateProblem(p);
    if (problem) {
      unusable.add(p.id);
      report(
        source,
        'error',
        'unsafe-template',
        ['platforms', i, 'canonical_url'],
        `шаблон канонического адреса «${p.canonical_url}» не годится (${problem}): он должен давать адрес https:// на домене площадки, например https://${p.hosts[0] ?? 'example.org'}/{key}`,
      );
    }
    p.schemes.forEach((scheme, s) => {
      if (FORBIDDEN_SCHEMES.has(scheme.toLowerCase()) || !/^[a-z][a-z0-9+.-]*$/i.test(scheme)) {
        unusable.add(p.id);
        report(
          source,
          'error',
          'unsafe-template',
          ['platforms', i, 'schemes', s],
          `схема «${scheme}» не может открывать площадку: оставьте только особые схемы приложений, например tg`,
        );
      }
    });
    p.mirrors.forEach((mirror, m) => {
      const problem = mirror.original ? originalProblem(p, mirror.original) : null;
      if (problem) {
        unusable.add(p.id);
        report(
          source,
          'error',
          'unsafe-template',
          ['platforms', i, 'mirrors', m, 'original'],
          `шаблон адреса оригинала «${mirror.original}» не годится (${problem}): он должен давать адрес https:// на домене площадки, например https://${p.hosts[0] ?? 'example.org'}/$1`,
        );
      }
    });
    const patterns = [
      ...p.rules.map((rule, r) => ({ pattern: rule.path, path: ['platforms', i, 'rules', r, 'path'] })),
      ...(p.handle_pattern ? [{ pattern: p.handle_pattern, path: ['platforms', i, 'handle_pattern'] }] : []),
      ...p.mirrors.map((mirror, m) => ({ pattern: mirror.path, path: ['platforms', i, 'mirrors', m, 'path'] })),
    ];
    for (const { pattern, path } of patterns) {
      if (!compiles(pattern)) {
        unusable.add(p.id);
        report(source, 'error', 'invalid-pattern', path, 'регулярное выражение не читается: проверьте скобки и экранирование (\\d, \\.)');
        continue;
      }
      const risk = backtrackingRisk(pattern);
      if (risk) {
        unusable.add(p.id);
        report(
          source,
          'error',
          'unsafe-pattern',
          path,
          `регулярное выражение может зависнуть на длинном адресе: ${risk}; перепишите его без вложенных повторений, например [a-z0-9_]+ вместо (?:[a-z]+|_)+`,
        );
      }
    }
  });
  return { issues, unusable };
}
