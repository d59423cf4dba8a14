/**
 * `npm run add` at a terminal: the questions it asks, in order (the organisation first), and
 * how an answer is checked and matched to the registry's organisations.
 */
import type { Dataset, LoadedOrganization } from '../dataset/dataset.ts';
import { nearest } from '../dataset/zod-issues.ts';
import { EVIDENCE_LABELS } from '../model/verification.ts';
import { isRealDate } from '../schema/common.ts';
import { EVIDENCE_TYPES, LEVELS, ORGANIZATION_KINDS } from '../schema/index.ts';
import { editDistance } from '../text/edit-distance.ts';
import { slugify } from '../text/translit.ts';
import type { AddRequest } from './add-plan.ts';

/** One question of the interactive mode; an answer outside `choices` is asked again. */
export type Question = {
  key: keyof AddRequest;
  text: string;
  fallback?: string;
  choices?: readonly string[];
  format?: { pattern: RegExp; hint: string };
  date?: boolean;
};

/** Why an answer will not do (not one of the choices, wrong format); null when it is fine. */
export function answerError(question: Question, answer: string): string | null {
  if (answer === '') return null;
  if (question.format && !question.format.pattern.test(answer)) return `«${answer}» — ${question.format.hint}; попробуйте ещё раз`;
  if (question.date && !isRealDate(answer)) return `«${answer}» — такой даты не бывает (нет такого дня в календаре); попробуйте ещё раз`;
  if (!question.choices || question.choices.includes(answer)) return null;
  const guess = nearest(answer, question.choices);
  return `«${answer}» — нет в списке${guess ? ` (возможно, «${guess}»)` : ''}; попробуйте ещё раз`;
}

/** The message when an organisation id is not in the registry; null when it is. */
export function unknownOrganization(dataset: Dataset, id: string): string | null {
  if (dataset.organizations.some((o) => o.id === id)) return null;
  const guess = nearest(
    id,
    dataset.organizations.map((o) => o.id),
  );
  return `организация «${id}» не найдена${guess ? ` (возможно, «${guess}»)` : ''}: укажите id существующей организации или создайте новую через --region, --name, --kind и --level`;
}

/**
 * The next thing to ask a person at a terminal, or null when the request is complete.
 * `asked` holds the keys already asked, so an empty answer is not asked again.
 */
export function nextQuestion(request: AddRequest, asked: ReadonlySet<string>, today: string): Question | null {
  const questions: Question[] = [];
  if (request.org === undefined && !request.name && !request.region)
    questions.push({ key: 'org', text: 'Организация: id из реестра или часть названия (Enter — новая организация)' });
  if (!request.org) {
    questions.push({ key: 'name', text: 'Официальное название организации' });
    questions.push({ key: 'level', text: `Уровень (${LEVELS.join(', ')})`, choices: LEVELS });
    if (request.level !== 'federal')
      questions.push({ key: 'region', text: 'Регион (id из data/regions.yaml, например chelyabinskaya-oblast)' });
    questions.push({ key: 'kind', text: `Вид организации (${ORGANIZATION_KINDS.join(', ')})`, choices: ORGANIZATION_KINDS });
    if (request.level === 'municipal') questions.push({ key: 'municipality', text: 'Муниципальное образование' });
  }
  questions.push({
    key: 'evidenceUrl',
    text: 'Адрес страницы, которая подтверждает, что аккаунт официальный',
    format: { pattern: /^https?:\/\/\S+$/, hint: 'ожидается адрес, начинающийся с https://' },
  });
  questions.push({
    key: 'evidenceType',
    text: `Виды подтверждения:\n${EVIDENCE_TYPES.map((t) => `  ${t} — ${EVIDENCE_LABELS[t]}`).join('\n')}\nВид подтверждения`,
    choices: EVIDENCE_TYPES,
  });
  questions.push({
    key: 'evidenceDate',
    text: 'Дата на странице, а если её нет — сегодняшняя (ГГГГ-ММ-ДД)',
    fallback: today,
    format: { pattern: /^\d{4}-\d{2}-\d{2}$/, hint: 'ожидается дата вида 2026-11-22' },
    date: true,
  });
  questions.push({ key: 'note', text: 'Что сказано на странице, кратко (Enter — пропустить)' });
  return questions.find((q) => !asked.has(q.key) && (request[q.key] === undefined || request[q.key] === '')) ?? null;
}

/** Lower-case word stems (the first five letters) of a text, in Cyrillic and in transliteration. */
function stems(text: string): string[] {
  const words = text
    .toLocaleLowerCase('ru')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  return [...new Set([...words, ...words.map((w) => slugify(w))].map((w) => w.slice(0, 5)).filter(Boolean))];
}

/**
 * Organisations a typed text may mean, best first: an id within two edits, or names sharing
 * most of the typed words (by stem, so «министерства культуры» finds «Министерство культуры»;
 * in Latin letters too: «zlatoust» finds «Златоустовский»).
 */
export function findOrganizations(dataset: Dataset, text: string, limit = 5): LoadedOrganization[] {
  const query = text.trim().toLocaleLowerCase('ru');
  if (!query) return [];
  const wanted = stems(query);
  const scored: Array<{ org: LoadedOrganization; score: number }> = [];
  for (const org of dataset.organizations) {
    const distance = editDistance(query, org.id, 3);
    const own = new Set(stems(`${org.name} ${org.municipality ?? ''} ${org.id.replace(/-/g, ' ')}`));
    const shared = wanted.filter((w) => own.has(w) || [...own].some((o) => o.startsWith(w) || w.startsWith(o))).length;
    const score = distance <= 2 ? 10 - distance : wanted.length && shared * 2 >= wanted.length ? shared / wanted.length : 0;
    if (score > 0) scored.push({ org, score });
  }
  scored.sort((a, b) => b.score - a.score || a.org.name.localeCompare(b.org.name, 'ru'));
  return scored.slice(0, limit).map((s) => s.org);
}

/** The numbered list shown for a choice among organisations. */
export function organizationChoices(orgs: readonly LoadedOrganization[]): string {
  return orgs.map((o, i) => `  ${i + 1}) ${o.id} — ${o.name}${o.region ? ` (${o.region})` : ''}`).join('\n');
}
