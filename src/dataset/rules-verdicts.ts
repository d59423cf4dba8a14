/**
 * Rules about what the registry says in public: a public `note` is shown to citizens, so it
 * must not carry schema identifiers (`rkn_register`, `body=government`) or researchers'
 * shorthand (the word list lives in data/policy.yaml); and a platform's `mark` belongs only
 * to `platform_badge` evidence. Each finding is located through the file it came from.
 */
import { DICTIONARY_SECTIONS, dictionaryRows } from '../schema/dictionary.ts';
import { ACCOUNT_STATUSES, EVIDENCE_TYPES, FIGURE_MEASURES, ORGANIZATION_KINDS, PLATFORM_MARKS, type Evidence } from '../schema/index.ts';
import type { Dataset } from './dataset.ts';
import { formatPath, type Issue, type PathSegment } from './issues.ts';
import type { Located } from './rules.ts';

/**
 * The identifiers of the schema: field names and enum values. Single plain words
 * (`name`, `date`) are left out: only identifiers with an underscore, which no Russian
 * sentence needs, are flagged.
 */
export const SCHEMA_IDENTIFIERS: ReadonlySet<string> = new Set(
  [
    ...DICTIONARY_SECTIONS.flatMap((section) =>
      dictionaryRows(section.schema).map((row) => row.field.split('.').at(-1)!.replace(/\[\]$/, '')),
    ),
    ...EVIDENCE_TYPES,
    ...ORGANIZATION_KINDS,
    ...ACCOUNT_STATUSES,
    ...PLATFORM_MARKS,
    ...FIGURE_MEASURES,
  ].filter((id) => id.includes('_')),
);

/** Addresses, domains, paths and file names are not words of the note: `t.me/s/x`, `configs/telegram_channels.json`. */
const ADDRESS_LIKE = /\S*(?:https?:\/\/|www\.)\S*|\S*[\p{L}\d_-][./][\p{L}\d_-]\S*|@[\w.]+/gu;
const LATIN_TOKEN = /[A-Za-z][A-Za-z0-9_]*(?:=[A-Za-z0-9_]+)?/g;

/** A policy phrase as a pattern: whole words, case-insensitive; a trailing `*` allows any ending («не прочитан*»). */
function phrasePattern(phrase: string): RegExp {
  const open = phrase.endsWith('*');
  const body = (open ? phrase.slice(0, -1) : phrase)
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\d_])${body}${open ? '[\\p{L}\\d_]*' : '(?![\\p{L}\\d_])'}`, 'iu');
}

/** What in a public note belongs in a research note: schema identifiers, `key=value`, shorthand. Pure; in order of appearance. */
export function jargonIn(note: string, shorthand: readonly string[]): string[] {
  const found: string[] = [];
  const words = note.replace(ADDRESS_LIKE, ' ');
  for (const token of words.match(LATIN_TOKEN) ?? []) {
    if (token.includes('=') || SCHEMA_IDENTIFIERS.has(token)) found.push(token);
  }
  for (const phrase of shorthand) {
    const match = phrasePattern(phrase).exec(note);
    if (match) found.push(match[0]);
  }
  return [...new Set(found)];
}

export const noteJargonMessage = (found: readonly string[]) =>
  `публичное примечание (note) показывается гражданам на сайте, а в нём служебные слова: ${found.map((f) => `«${f}»`).join(', ')}. Перепишите его простым языком, а рабочие пометки перенесите в research_note — оно хранится в данных, но на сайте не показывается`;

export function checkVerdictRules(dataset: Dataset, located: readonly Located[]): Issue[] {
  const issues: Issue[] = [];
  const shorthand = dataset.policy.research_shorthand;
  const report = (source: Located, severity: Issue['severity'], rule: Issue['rule'], path: PathSegment[], message: string) => {
    const at = source.parsed.locate(path);
    issues.push({ severity, rule, file: source.parsed.file, line: at.line, column: at.column, path: formatPath(path), message });
  };
  const note = (source: Located, path: PathSegment[], text: string | undefined) => {
    if (!text) return;
    const found = jargonIn(text, shorthand);
    if (found.length > 0) report(source, 'warning', 'note-jargon', [...path, 'note'], noteJargonMessage(found));
  };
  const evidence = (source: Located, path: PathSegment[], list: readonly Evidence[]) =>
    list.forEach((item, i) => {
      note(source, [...path, 'evidence', i], item.note);
      if (item.mark && item.type !== 'platform_badge') {
        report(
          source,
          'error',
          'invalid-value',
          [...path, 'evidence', i, 'mark'],
          `поле mark бывает только у подтверждения вида platform_badge (отметка площадки), а здесь вид ${item.type}: удалите mark или исправьте вид`,
        );
      }
    });

  for (const source of located) {
    for (const org of source.organizations ?? []) {
      const orgPath: PathSegment[] = ['organizations', org.origin.index ?? 0];
      note(source, orgPath, org.note);
      org.accounts.forEach((account, a) => {
        const path = [...orgPath, 'accounts', a];
        note(source, path, account.note);
        evidence(source, path, account.evidence);
      });
      org.impersonations.forEach((fake, a) => {
        const path = [...orgPath, 'impersonations', a];
        note(source, path, fake.note);
        evidence(source, path, fake.evidence);
      });
    }
  }
  return issues;
}
