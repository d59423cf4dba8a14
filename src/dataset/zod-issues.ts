/**
 * Turns Zod's findings into located, Russian, fixable issues with stable rule ids.
 */
import type { z } from 'zod';
import type { Issue, PathSegment } from './issues.ts';
import { formatPath } from './issues.ts';
import type { ParsedFile } from './yaml-source.ts';
import { editDistance } from '../text/edit-distance.ts';
import { arrayElement, objectShape, unwrapSchema } from '../schema/introspect.ts';
import { isRuleId, type RuleId } from './rule-ids.ts';

type ZodIssue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

const TYPE_NAMES: Record<string, string> = {
  string: 'строка',
  number: 'число',
  boolean: 'true или false',
  array: 'список',
  object: 'словарь (поля «ключ: значение»)',
  null: 'пустое значение',
  undefined: 'ничего',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

export { unwrapSchema };

/** The object schema's keys at a data path, for suggesting the intended field name. */
export function shapeKeysAt(schema: AnySchema, path: readonly PathSegment[]): string[] {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    current = typeof segment === 'string' ? objectShape(current)?.[segment] : arrayElement(current);
    if (!current) return [];
  }
  return Object.keys(objectShape(current) ?? {});
}

/** The closest known name, if it is close enough to be a typo. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One Zod issue → one or more located issues. */
export function zodIssueToIssues(issue: ZodIssue, parsed: ParsedFile, schema: AnySchema, prefix: readonly PathSegment[] = []): Issue[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const schemaPath = issue.path as PathSegment[];
  const field = path.at(-1);
  const fieldName = typeof field === 'string' ? `«${field}»` : 'элемент списка';
  const make = (rule: RuleId, message: string, at = parsed.locate(path), issuePath = path): Issue => ({
    severity: 'error',
    rule,
    file: parsed.file,
    line: at.line,
    column: at.column,
    path: formatPath(issuePath),
    message,
  });
  const given = (issue as { params?: { rule?: string } }).params?.rule;
  const params = { rule: given && isRuleId(given) ? given : undefined };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = shapeKeysAt(schema, schemaPath);
      return issue.keys.map((key) => {
        const guess = nearest(key, known);
        const hint = guess ? `возможно, имелось в виду «${guess}»` : `допустимые поля: ${known.join(', ')}`;
        return make('unknown-field', `неизвестное поле «${key}»: ${hint}; исправьте имя или удалите поле`, parsed.locate(path, key), [
          ...path,
          key,
        ]);
      });
    }
    case 'invalid_type': {
      const input = valueAt(parsed.data, path);
      if (input === undefined) {
        return [
          make(
            'missing-field',
            `нет обязательного поля ${fieldName}: добавьте его (${TYPE_NAMES[issue.expected] ?? issue.expected})`,
            parsed.locate(path.slice(0, -1)),
          ),
        ];
      }
      const got = typeOf(input);
      const quoteHint =
        issue.expected === 'string' && (got === 'number' || got === 'boolean')
          ? `; возьмите значение в кавычки: "${parsed.sourceAt?.(path) ?? String(input)}"`
          : '';
      return [
        make(
          'wrong-type',
          `${fieldName}: ожидается ${TYPE_NAMES[issue.expected] ?? issue.expected}, а указано ${TYPE_NAMES[got] ?? got} (${shown(input)})${quoteHint}`,
        ),
      ];
    }
    case 'invalid_value': {
      const input = valueAt(parsed.data, path);
      const allowed = issue.values.map((v) => String(v));
      if (input === undefined) {
        return [
          make(
            'missing-field',
            `нет обязательного поля ${fieldName}: добавьте его, допустимы значения: ${allowed.join(', ')}`,
            parsed.locate(path.slice(0, -1)),
          ),
        ];
      }
      const guess = typeof input === 'string' ? nearest(input, allowed) : undefined;
      return [
        make(
          'invalid-value',
          `${fieldName}: недопустимое значение «${shown(input)}»${guess ? ` (возможно, «${guess}»)` : ''}; допустимы: ${allowed.join(', ')}`,
        ),
      ];
    }
    case 'too_small': {
      if (field === 'evidence') return [make('no-evidence', issue.message)];
      if (issue.origin === 'array')
        return [make('empty-list', `${fieldName}: список пуст, а нужен хотя бы ${String(issue.minimum)} элемент`)];
      return [make(params?.rule ?? 'invalid-format', `${fieldName}: ${issue.message}`)];
    }
    default: {
      const input = valueAt(parsed.data, path);
      // Never repeat a password back into the log.
      const value = input === undefined || params.rule === 'url-credentials' ? '' : ` (указано «${shown(input)}»)`;
      return [make(params?.rule ?? 'invalid-format', `${fieldName}: ${issue.message}${value}`)];
    }
  }
}
