/**
 * The add-account issue form, read back: GitHub renders a submitted issue form as Markdown,
 * one `### <label>` section per field, `_No response_` for an empty one and `- [X] …` for a
 * ticked box. This module finds the sections by the form's own labels, turns the values into
 * the same request `npm run add` takes, and words the replies. Pure: strings in and out.
 */
import { canonicalize } from '../canonical/canonicalize.ts';
import type { Dataset } from '../dataset/dataset.ts';
import { nearest } from '../dataset/zod-issues.ts';
import type { AddRequest } from './add-plan.ts';

/** A field of the form; `required` options are the boxes that must be ticked. */
export type FormField = { id: string; label: string; type: string; required: boolean; options: string[]; requiredOptions: string[] };
export type ParsedForm = { values: Record<string, string>; checked: Record<string, boolean[]> };

/** GitHub's limit on an issue body; anything longer did not come from the form. */
export const MAX_BODY_LENGTH = 65_536;
const NO_RESPONSE = '_No response_';

/** The input fields of an issue form definition (the parsed `.github/ISSUE_TEMPLATE/*.yml`). */
export function formFields(form: unknown): FormField[] {
  const body = (form as { body?: unknown })?.body;
  if (!Array.isArray(body)) return [];
  const fields: FormField[] = [];
  for (const item of body as Array<Record<string, unknown>>) {
    const attributes = (item.attributes ?? {}) as { label?: unknown; options?: unknown };
    if (item.type === 'markdown' || typeof item.id !== 'string' || typeof attributes.label !== 'string') continue;
    const raw = Array.isArray(attributes.options) ? (attributes.options as unknown[]) : [];
    const options = raw.map((o) => (typeof o === 'string' ? o : String((o as { label?: unknown }).label ?? '')));
    const requiredOptions = raw
      .filter((o) => typeof o === 'object' && (o as { required?: unknown }).required === true)
      .map((o) => String((o as { label?: unknown }).label ?? ''));
    fields.push({
      id: item.id,
      label: attributes.label,
      type: String(item.type),
      required: (item.validations as { required?: boolean } | undefined)?.required === true,
      options,
      requiredOptions,
    });
  }
  return fields;
}

/** Splits a rendered issue body into the form's fields. Headings that are not the form's labels stay inside the value they appear in. */
export function parseIssueBody(body: string, fields: readonly FormField[]): ParsedForm {
  const text = body.slice(0, MAX_BODY_LENGTH).replace(/\r\n?/g, '\n');
  const byLabel = new Map(fields.map((f) => [f.label.trim(), f]));
  const sections: Array<{ field: FormField; start: number; end: number }> = [];
  const heading = /^###[ \t]+(.+?)[ \t]*$/gm;
  for (let match = heading.exec(text); match; match = heading.exec(text)) {
    const field = byLabel.get(match[1]!);
    // Each field once, in the form's order: a later heading with a used label is text.
    if (!field || sections.some((s) => s.field === field)) continue;
    if (sections.length) sections[sections.length - 1]!.end = match.index;
    sections.push({ field, start: match.index + match[0].length, end: text.length });
  }
  const values: Record<string, string> = {};
  const checked: Record<string, boolean[]> = {};
  for (const { field, start, end } of sections) {
    const raw = text.slice(start, end).trim();
    const value = raw === NO_RESPONSE ? '' : raw;
    if (field.type === 'checkboxes')
      checked[field.id] = field.options.map((option) => new RegExp(`^- \\[[xX]\\] ${escapeRegExp(option.trim())}\\s*$`, 'm').test(value));
    else values[field.id] = field.type === 'textarea' ? value : value.replace(/\s+/g, ' ');
  }
  return { values, checked };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The code in brackets at the end of an option: «сообщение СМИ (press_report)» → `press_report`. */
export function optionCode(value: string): string | undefined {
  return /\(([a-z_]+)(?:,\s*mark:\s*[a-z_]+)?\)\s*$/.exec(value)?.[1];
}

/** The mark of a platform badge option: «… (platform_badge, mark: state_organization)» → `state_organization`. */
export function optionMark(value: string): string | undefined {
  return /\([a-z_]+,\s*mark:\s*([a-z_]+)\)\s*$/.exec(value)?.[1];
}

const LEVEL_CODES: Record<string, string> = { федеральный: 'federal', региональный: 'regional', муниципальный: 'municipal' };
const normalizeName = (name: string) => name.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/[«»"]/g, '').replace(/\s+/g, ' ').trim();

export type FormRequest = { ok: true; request: AddRequest } | { ok: false; errors: string[] };

/** The `npm run add` request a submitted form asks for, or every reason it cannot be made (in Russian, by the form's labels). */
export function requestFromForm(form: ParsedForm, fields: readonly FormField[], dataset: Dataset): FormRequest {
  const errors: string[] = [];
  const label = (id: string) => fields.find((f) => f.id === id)?.label ?? id;
  const value = (id: string) => form.values[id]?.trim() ?? '';
  for (const field of fields) {
    if (field.type === 'checkboxes') {
      const ticked = form.checked[field.id] ?? [];
      for (const option of field.requiredOptions)
        if (!ticked[field.options.indexOf(option)]) errors.push(`«${field.label}»: отметьте пункт «${option}»`);
    } else if (field.required && !value(field.id)) errors.push(`«${field.label}»: поле не заполнено`);
  }
  const request: AddRequest = { url: value('url') };

  if (request.url) {
    const canonical = canonicalize(dataset.platforms, request.url);
    const chosen = dataset.platforms.find((p) => p.name === value('platform'));
    if (canonical.ok && chosen && canonical.value.platform !== chosen.id) {
      const actual = dataset.platforms.find((p) => p.id === canonical.value.platform)!;
      errors.push(`«${label('platform')}»: ссылка ведёт на площадку ${actual.name}, а выбрана ${chosen.name} — исправьте одно из двух`);
    }
  }

  const orgId = value('organization_id');
  if (orgId) request.org = orgId;
  else {
    request.name = value('organization') || undefined;
    const level = LEVEL_CODES[value('level')];
    if (value('level') && !level) errors.push(`«${label('level')}»: неизвестное значение «${value('level')}»`);
    request.level = level;
    const kind = value('kind') ? optionCode(value('kind')) : undefined;
    if (value('kind') && !kind) errors.push(`«${label('kind')}»: выберите вид из списка`);
    if (!value('kind') && value('organization') && !findByName(dataset, value('organization'), value('region')))
      errors.push(`«${label('kind')}»: организации «${value('organization')}» ещё нет в реестре — выберите её вид`);
    request.kind = kind;
    if (value('region') && level !== 'federal') {
      const region = regionId(dataset, value('region'));
      if (region.ok) request.region = region.id;
      else errors.push(`«${label('region')}»: ${region.error}`);
    }
    const existing = findByName(dataset, value('organization'), request.region);
    if (existing) {
      request.kind ??= existing.kind;
      request.level ??= existing.level;
    }
  }

  const evidence = value('evidence_type');
  if (evidence) {
    const type = optionCode(evidence);
    if (type) request.evidenceType = type;
    else errors.push(`«${label('evidence_type')}»: выберите вид подтверждения из списка`);
    const mark = optionMark(evidence);
    if (mark) request.evidenceMark = mark;
  }
  if (value('evidence_url')) request.evidenceUrl = value('evidence_url');
  if (value('evidence_date')) request.evidenceDate = value('evidence_date');
  if (value('note')) request.note = value('note');
  const role = value('role') ? optionCode(value('role')) : undefined;
  if (role) request.role = role;
  if (value('holder')) request.holder = value('holder');
  return errors.length ? { ok: false, errors } : { ok: true, request };
}

function findByName(dataset: Dataset, name: string, region: string | undefined) {
  if (!name) return undefined;
  const wanted = normalizeName(name);
  const regionKey = region ? regionId(dataset, region) : null;
  return dataset.organizations.find((o) => normalizeName(o.name) === wanted && (!regionKey || (regionKey.ok && o.region === regionKey.id)));
}

/** A region by its id or its name as people type it («Челябинская обл.» is not guessed: a near name is suggested). */
export function regionId(dataset: Dataset, text: string): { ok: true; id: string } | { ok: false; error: string } {
  const byId = dataset.regions.find((r) => r.id === text.trim());
  if (byId) return { ok: true, id: byId.id };
  const wanted = normalizeName(text);
  const byName = dataset.regions.find((r) => normalizeName(r.name) === wanted);
  if (byName) return { ok: true, id: byName.id };
  const guess = nearest(
    text,
    dataset.regions.map((r) => r.name),
  );
  return {
    ok: false,
    error: `регион «${text}» не найден${guess ? ` (возможно, «${guess}»)` : ''}: напишите название, как в списке регионов на сайте`,
  };
}

export type IssueOutcome = { ok: true; lines: string[] } | { ok: false; errors: string[]; lines: string[] };

/** The reply on the issue, in Russian: what was done, or what to fix and where. The workflow adds the pull request's address below. */
export function issueComment(outcome: IssueOutcome): string {
  const log = outcome.lines.length ? ['', '```', ...outcome.lines, '```'] : [];
  if (outcome.ok) {
    return [
      'Спасибо! Аккаунт добавлен в данные и прошёл проверку. Запрос на слияние посмотрит редактор реестра; когда его примут, эта задача закроется сама.',
      ...log,
    ].join('\n');
  }
  return [
    'Не удалось добавить аккаунт автоматически. Исправьте, пожалуйста, форму (меню «…» у первого сообщения → «Edit») — после сохранения проверка запустится снова.',
    '',
    ...outcome.errors.map((e) => `- ${e}`),
    ...log,
  ].join('\n');
}

/** The pull request's description: closes the issue and says how to review it. */
export function pullRequestBody(issueNumber: number, lines: readonly string[]): string {
  return [
    `Аккаунт из формы в задаче #${issueNumber}.`,
    '',
    '```',
    ...lines,
    '```',
    '',
    'Перед слиянием проверьте: страница по адресу подтверждения действительно ссылается на аккаунт; организация и регион выбраны верно; аккаунт официальный, а не личный или предвыборный.',
    '',
    `Closes #${issueNumber}`,
  ].join('\n');
}
