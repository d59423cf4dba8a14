/**
 * Invisible and bidirectional control characters in any key or value of a data file:
 * in a name or handle they make a fake indistinguishable from the original (U+200B inside
 * `mos_sobyanin`), and a right-to-left override reverses what a reviewer reads.
 */
import { describeInvisible, findInvisible, hasInvisible } from '../text/invisible.ts';
import type { Issue, PathSegment } from './issues.ts';
import { formatPath } from './issues.ts';
import type { ParsedFile } from './yaml-source.ts';

/** Findings per file before the rest are summarised in one line. */
const SHOWN = 20;

export function invisibleCharacters(parsed: ParsedFile): Issue[] {
  const found: Array<{ path: PathSegment[]; text: string; key: boolean }> = [];
  let total = 0;
  // One path stack, copied only for a finding: national-scale files hold millions of strings.
  const path: PathSegment[] = [];
  const hit = (text: string, key: boolean) => {
    if (++total <= SHOWN) found.push({ path: [...path], text, key });
  };
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (hasInvisible(value)) hit(value, false);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        path.push(key);
        if (hasInvisible(key)) hit(key, true);
        visit((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(parsed.data);
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
