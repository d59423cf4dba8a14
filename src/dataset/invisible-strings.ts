/**
 * Invisible and bidirectional control characters in any key or value of a data file:
 * in a name or handle they make a fake indistinguishable from the original (U+200B inside
 * `mos_sobyanin`), and a right-to-left override reverses what a reviewer reads.
 * The same walk gives every value a string of its own (own-copy.ts), so that the data holds
 * no slice of the file's text.
 */
import { describeInvisible, findInvisible, hasInvisible } from '../text/invisible.ts';
import { ownCopy } from './own-copy.ts';
import type { Issue, PathSegment } from './issues.ts';
import { formatPath } from './issues.ts';
import type { ParsedFile } from './yaml-source.ts';

/** Findings per file before the rest are summarised in one line. */
const SHOWN = 20;

/** Finds invisible characters in every key and value, and replaces each value by its own copy. */
export function invisibleCharacters(parsed: ParsedFile): Issue[] {
  const found: Array<{ path: PathSegment[]; text: string; key: boolean }> = [];
  let total = 0;
  // One path stack, copied only for a finding: national-scale files hold millions of strings.
  const path: PathSegment[] = [];
  const hit = (text: string, key: boolean) => {
    if (++total <= SHOWN) found.push({ path: [...path], text, key });
  };
  /** Visits a value and returns it as the data should hold it (a string: its own copy). */
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (hasInvisible(value)) hit(value, false);
      return ownCopy(value);
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        value[i] = visit(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        if (!Object.hasOwn(record, key)) continue;
        path.push(key);
        if (hasInvisible(key)) hit(key, true);
        const item = record[key];
        const kept = visit(item);
        // Strings compare by value, so the copy is put back whatever `!==` says. `__proto__` is
        // an own property here (the reader defines it): assigning to it would set the prototype.
        if (typeof item === 'string' && key !== '__proto__') record[key] = kept;
        path.pop();
      }
    }
    return value;
  };
  parsed.data = visit(parsed.data);
  const issues = found.map(({ path, text, key }): Issue => {
    const at = key ? parsed.locate(path.slice(0, -1), String(path.at(-1))) : parsed.locate(path);
    return {
      severity: 'error',
      rule: 'invisible-char',
      file: parsed.file,
      line: at.line,
      column: at.column,
      path: formatPath(path),
      message: `${key ? 'в имени поля' : 'в значении'} есть невидимый символ — ${describeInvisible(findInvisible(text))}: удалите его, такие символы делают подделку неотличимой от настоящей записи`,
    };
  });
  if (total > SHOWN)
    issues.push({
      severity: 'error',
      rule: 'invisible-char',
      file: parsed.file,
      line: issues.at(-1)!.line,
      column: 1,
      path: '',
      message: `и ещё ${total - SHOWN} значений с невидимыми символами`,
    });
  return issues;
}
