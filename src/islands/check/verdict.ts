/**
 * What a check answer means for the person who asked, reduced to one of a few unmistakable
 * states, each with its own colour, icon and heading. Pure and dependency-free (the island
 * bundles it); imports only types from the lookup and the site's pure date wording.
 */
import type { Answer, CheckRecord, Hit } from '../../check/lookup.ts';
import { formatDate, formatInMonth } from '../../text/format.ts';

/**
 * The tone of an answer, and so its colour and icon:
 * - `official`: in the registry with fresh first-party proof;
 * - `recheck`: in the registry, but the proof is old, secondary or the page is not kept any more;
 * - `lookalike`: not in the registry, but one or two characters away from a registered page;
 * - `fake`: a known fake of a registered body;
 * - `absent`: not in the registry, nothing like it either;
 * - `input`: the input is not something the check can answer (a website, a feed, words).
 */
export type Tone = 'official' | 'recheck' | 'lookalike' | 'fake' | 'absent' | 'input';

export type Verdict = { tone: Tone; icon: string; heading: string };

/** One symbol per tone, shown beside the heading (colour alone must not carry the meaning). */
export const ICONS: Record<Tone, string> = {
  official: '✓',
  recheck: '!',
  lookalike: '⚠',
  fake: '✕',
  absent: '?',
  input: 'i',
};

const LEVEL_HEADINGS: Record<string, string> = {
  confirmed: 'Да, это официальная страница',
  probable: 'Скорее всего, это официальная страница',
  claimed: 'Страница называет себя официальной, но это ничем не подтверждено',
  reported: 'Страница есть в реестре, но её подтверждают только сообщения СМИ',
  listed: 'Страница есть только в сторонних списках — принадлежность не подтверждена',
};

/** Evidence dates are as precise as the source (a day, a month or a year), worded as on the pages. */
export const formatEvidenceDate = formatDate;

/** The heading for one record of a found account. */
export function recordHeading(record: CheckRecord): { tone: Tone; heading: string } {
  if (record.status === 'impersonation') return { tone: 'fake', heading: 'Осторожно: это известная подделка' };
  if (record.status === 'previous') return { tone: 'recheck', heading: 'Это прежний адрес официальной страницы' };
  // Old first-party proof never gets a plain «Да»: it names when and asks for a re-check.
  if (record.level === 'stale') {
    const date = record.first_party_date;
    return {
      tone: 'recheck',
      heading: date
        ? `Страница была подтверждена ${formatInMonth(date)}, нужна перепроверка`
        : 'Страница была подтверждена давно, нужна перепроверка',
    };
  }
  const heading = LEVEL_HEADINGS[record.level] ?? LEVEL_HEADINGS.listed!;
  const kept = !record.account_status;
  return { tone: record.level === 'confirmed' && kept ? 'official' : 'recheck', heading };
}

export const hitHeading = (hit: Hit) => recordHeading(hit.records[0]!);

/** The verdict of a whole answer. */
export function verdictOf(answer: Answer): Verdict {
  const make = (tone: Tone, heading: string): Verdict => ({ tone, icon: ICONS[tone], heading });
  switch (answer.kind) {
    case 'found': {
      if (answer.hits.length > 1) {
        const tones = answer.hits.map((h) => hitHeading(h).tone);
        return make(
          tones.includes('fake') ? 'fake' : tones.every((t) => t === 'official') ? 'official' : 'recheck',
          'Это имя есть в реестре на нескольких площадках',
        );
      }
      const { tone, heading } = hitHeading(answer.hits[0]!);
      return make(tone, heading);
    }
    case 'absent': {
      // The closest registered page names the warning (its address: whose it is takes one more shard, see lookup.ts).
      const nearest = answer.lookalikes[0];
      if (!nearest) return make('absent', 'Этой страницы нет в реестре');
      const name = nearest.records[0]?.organization.name;
      return make(
        'lookalike',
        `Осторожно: это не официальная страница — похоже на подделку ${name ? `страницы «${name}»` : nearest.url.replace(/^https?:\/\//, '')}`,
      );
    }
    case 'empty':
      return make('input', 'Вставьте ссылку на страницу или имя аккаунта');
    case 'unknown-host':
      return answer.resembles
        ? make('lookalike', 'Осторожно: этот адрес только похож на адрес соцсети')
        : make('input', 'Это не адрес соцсети из реестра');
    case 'not-account':
      return make('input', 'Это ссылка не на страницу аккаунта');
    case 'scheme':
      return make('input', 'Такой адрес не поддерживается');
    case 'not-handle':
      return make('input', 'Это не похоже на имя аккаунта');
  }
}
