/**
 * Limits that protect the loader from hostile YAML before anything recurses into it: the
 * nesting depth (3,000 levels overflow every recursive parser), anchors and aliases (a few
 * kilobytes of aliases expand to gigabytes) and explicit tags (`!!binary`, `!evil`), which
 * registry data never needs. Each finding is located; nothing here throws.
 */
import type { RuleId } from './rule-ids.ts';
import { isAlias, isNode, visit, type Document, type LineCounter } from 'yaml';

/** Deeper indentation than this is refused; real data stays under 20 columns. */
export const MAX_INDENT_COLUMNS = 120;
/** Deeper nesting of [ ] and { } than this is refused. */
export const MAX_FLOW_DEPTH = 32;

export type Finding = { line: number; column: number; rule: RuleId; message: string };

const DEEP_INDENT = new RegExp(`^[ -]{${MAX_INDENT_COLUMNS + 1}}`, 'm');

const DEPTH_MESSAGE = `слишком глубокая вложенность: в данных реестра не бывает больше десятка уровней, а здесь отступ или скобки глубже допустимого (${MAX_INDENT_COLUMNS} пробелов, ${MAX_FLOW_DEPTH} скобок) — проверьте отступы и скобки`;

/**
 * The first place where nesting goes too deep, found line by line without parsing. Block
 * nesting needs a column per level (`- - - x` included), so indentation bounds it; flow
 * nesting is counted by brackets outside quotes and comments.
 */
export function findDeepNesting(text: string): Finding | null {
  // Fast path for every ordinary file: no deep indentation and too few brackets to nest deeply.
  if (!DEEP_INDENT.test(text) && (text.match(/[[{]/g)?.length ?? 0) <= MAX_FLOW_DEPTH) return null;
  let flow = 0;
  let line = 1;
  let lineStart = 0;
  let quote: string | null = null;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      if (quote === null) continue;
      continue;
    }
    if (atLineStart) {
      atLineStart = false;
      let j = i;
      while (j < text.length && (text[j] === ' ' || text[j] === '-')) j++;
      if (j - i > MAX_INDENT_COLUMNS && quote === null)
        return { line, column: MAX_INDENT_COLUMNS + 1, rule: 'nesting-too-deep', message: DEPTH_MESSAGE };
    }
    if (quote !== null) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '#' && (i === lineStart || text[i - 1] === ' ')) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
      continue;
    }
    if ((ch === '"' || ch === "'") && (i === lineStart || /[\s\[{,:-]/.test(text[i - 1]!))) quote = ch;
    else if (ch === '[' || ch === '{') {
      flow++;
      if (flow > MAX_FLOW_DEPTH) return { line, column: i - lineStart + 1, rule: 'nesting-too-deep', message: DEPTH_MESSAGE };
    } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
  }
  return null;
}

/** Whether the text may hold an anchor, alias or tag (an `&`, `*` or `!` where a YAML token starts). */
export function mayHoldAnchorsOrTags(text: string): boolean {
  return /(?:^|[\s\[{,])[&*!][^\s,\]}]/.test(text);
}

/** How many anchor, alias and tag findings to print before summarising: an alias bomb has thousands. */
const SHOWN_EXTRAS = 5;

/**
 * Anchors, aliases and explicit tags in a composed document, each located. Aliases are
 * refused outright (not expanded): a copy written out in full is what a reviewer can read.
 */
export function anchorsAndTags(doc: Document, counter: LineCounter, text: string): Finding[] {
  const findings: Finding[] = [];
  let extras = 0;
  let firstHidden: Finding | undefined;
  const keep = (finding: Finding) => {
    if (++extras <= SHOWN_EXTRAS) findings.push(finding);
    else firstHidden ??= finding;
  };
  const at = (offset: number) => {
    const pos = counter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      keep({
        ...at(node.range?.[0] ?? 0),
        rule: 'yaml-alias',
        message: `ссылка YAML «*${node.source}» не допускается: впишите значение полностью (ссылки и якоря & и * в данных реестра не используются)`,
      });
      return visit.SKIP;
    }
    if (!isNode(node)) return undefined;
    const start = node.range?.[0] ?? 0;
    if (node.anchor) {
      const offset = Math.max(0, text.lastIndexOf(`&${node.anchor}`, start));
      keep({
        ...at(offset),
        rule: 'yaml-alias',
        message: `якорь YAML «&${node.anchor}» не допускается: уберите его, а повторяющиеся значения впишите полностью`,
      });
    }
    const written = node.tag ? (explicitTag(text, start) ?? node.tag) : null;
    if (written) {
      keep({
        ...at(Math.max(0, text.lastIndexOf(written, start))),
        rule: 'yaml-tag',
        message: `тег YAML «${written}» не допускается: уберите его и впишите значение обычным текстом (в кавычках, если это строка)`,
      });
    }
    return undefined;
  });
  if (firstHidden) {
    findings.push({
      line: firstHidden.line,
      column: firstHidden.column,
      rule: 'yaml-alias',
      message: `ещё якорей и ссылок YAML: ${extras - SHOWN_EXTRAS} — файл не читается, пока они есть`,
    });
  }
  return findings;
}

/** The tag written before the node starting at `start` (`!!binary`, `!evil`), if any. */
function explicitTag(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, text.lastIndexOf('\n', start - 1) + 1), start);
  const match = /(?:^|[\s\[{,:-])(![^\s,\[\]{}]*)\s*(?:&[^\s]+\s*)?$/.exec(before);
  return match ? match[1]! : null;
}

/** The key a DUPLICATE_KEY error points at, read from the source (`level`). */
export function keyAt(text: string, offset: number): string | null {
  const lineEnd = text.indexOf('\n', offset);
  const rest = text.slice(offset, lineEnd === -1 ? undefined : lineEnd);
  const match = /^(?:"([^"]*)"|'([^']*)'|([^:#]+?))\s*:/.exec(rest);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '').trim() || null : null;
}
