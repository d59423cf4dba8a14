/**
 * Reads one YAML file into plain data while keeping the way back from a data path
 * to a line and column, so that every finding can point at the place to fix.
 */
import jsYaml from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import { composeDocument, locatedSource } from './located-source.ts';
import type { Issue, PathSegment } from './issues.ts';
import { formatPath } from './issues.ts';
import type { RuleId } from './rule-ids.ts';
import { anchorsAndTags, findDeepNesting, keyAt, mayHoldAnchorsOrTags } from './yaml-guards.ts';

/** Files above this size are refused: split the region into one file per municipality. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type SourceFile = { file: string; bytes: Uint8Array };

export type ParsedFile = {
  file: string;
  /** The plain data, or undefined when the file could not be read at all (or was released). */
  data: unknown;
  issues: Issue[];
  /** Line and column (1-based) of the node at a data path, or of its nearest existing ancestor. */
  locate(path: readonly PathSegment[], keyOf?: string): { line: number; column: number };
  /** The value at a data path as written in the source (`0101234567`, not the number it parses to). */
  sourceAt?(path: readonly PathSegment[]): string | undefined;
  /**
   * Lets the source text go once every finding is located (the build keeps the dataset, not
   * the text): later `locate` calls answer line 0, `sourceAt` nothing.
   */
  release?(): void;
  /** The bytes `locate` reads (the file's, or its normalised text encoded); undefined once released. */
  sourceBytes?(): Uint8Array | undefined;
};

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function positionOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function yamlRule(code: string): RuleId {
  if (code === 'DUPLICATE_KEY') return 'duplicate-key';
  if (code === 'TAB_AS_INDENT') return 'tab-indent';
  return 'yaml-syntax';
}

/** The `yaml` parser's error codes, said in Russian with what to do. */
const YAML_CODES: Record<string, string> = {
  MISSING_CHAR: 'не хватает закрывающей кавычки или скобки (возможно, в строке выше): закройте её',
  BAD_INDENT: 'неверный отступ: выровняйте строку по соседним ключам того же уровня (по два пробела на уровень)',
  BLOCK_AS_IMPLICIT_KEY: 'после ключа не хватает двоеточия или лишний отступ: проверьте строку',
  MULTILINE_IMPLICIT_KEY: 'ключ не может занимать несколько строк: проверьте двоеточие и кавычки',
  UNEXPECTED_TOKEN: 'неожиданный символ: проверьте двоеточия, дефисы списков и кавычки',
  BAD_SCALAR_START: 'значение начинается с недопустимого символа: возьмите его в кавычки',
  MULTIPLE_DOCS: 'в файле несколько документов (---): оставьте один',
  ALIAS_PROPS: 'ссылки YAML (&, *) в данных не используются: впишите значение полностью',
  TAB_AS_INDENT: 'в отступах YAML нельзя использовать табуляцию: замените её пробелами',
};

const YAML_HINTS: Record<string, string> = {
  'duplicate-key': 'ключ повторяется в одном и том же блоке — оставьте один, иначе одно из значений потеряется',
  'tab-indent': 'в отступах нельзя использовать табуляцию — замените её пробелами (по два на уровень)',
};

/** Parses bytes into data; every problem becomes a located issue, never an exception. */
export function parseYamlFile({ file, bytes }: SourceFile): ParsedFile {
  const issues: Issue[] = [];
  const at = (line: number, column: number, rule: RuleId, message: string, severity: 'error' | 'warning' = 'error') =>
    issues.push({ severity, rule, file, line, column, path: '', message });
  const unreadable = (): ParsedFile => ({ file, data: undefined, issues, locate: () => ({ line: 1, column: 1 }) });

  if (bytes.length > MAX_FILE_BYTES) {
    at(
      1,
      1,
      'file-too-large',
      `файл слишком велик (${(bytes.length / 1048576).toFixed(1)} МБ при пределе ${MAX_FILE_BYTES / 1048576} МБ): разделите регион на несколько файлов в папке data/regions/<регион>/, например по муниципалитетам`,
    );
    return unreadable();
  }
  const nul = bytes.indexOf(0);
  let text: string;
  // True when the text differs from the bytes (a BOM or CR line ends dropped): `locate` then reads the text encoded again.
  let normalized = false;
  try {
    if (nul !== -1) throw new Error('nul');
    text = decoder.decode(bytes);
  } catch {
    let bad = nul;
    if (bad === -1) {
      // Find the first byte where decoding fails, to point at it.
      let lo = 0;
      let hi = bytes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
          lo = mid + 1;
        } catch {
          hi = mid;
        }
      }
      bad = lo;
    }
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const { line, column } = positionOfOffset(prefix, prefix.length);
    at(
      line,
      column,
      'not-text',
      'файл не является текстом в кодировке UTF-8 (двоичные данные или другая кодировка): сохраните его как UTF-8 без двоичных вставок',
    );
    return unreadable();
  }
  if (text.charCodeAt(0) === 0xfeff) {
    at(
      1,
      1,
      'bom',
      'файл начинается с метки порядка байтов (BOM): данные прочитаны, но сохраните файл как UTF-8 без BOM или выполните npm run format',
      'warning',
    );
    text = text.slice(1);
    normalized = true;
  }
  const crlf = text.indexOf('\r\n');
  if (crlf !== -1) {
    const { line } = positionOfOffset(text, crlf);
    at(
      line,
      1,
      'crlf',
      'строки заканчиваются на CRLF (Windows): данные прочитаны, но выполните npm run format, чтобы перевести их в LF',
      'warning',
    );
  }
  const lone = /\r(?!\n)/.exec(text);
  if (lone) {
    // Old Mac OS line endings: editors show lines, but a reader counting \n sees one line.
    // Read them as line breaks, and say so at the first one.
    const { line } = positionOfOffset(text.slice(0, lone.index).replace(/\r(?!\n)/g, '\n'), lone.index);
    at(
      line,
      1,
      'line-endings',
      'строки разделены одиночным символом CR (старый формат Mac OS): данные прочитаны как обычные строки, но сохраните файл с переводами строк LF (npm run format)',
      'warning',
    );
  }
  if (lone || crlf !== -1) {
    text = text.replace(/\r\n?/g, '\n');
    normalized = true;
  }
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    at(1, 1, 'empty-file', 'файл пуст: впишите данные (например, «region: <id>» и «organizations:») или удалите файл');
    return unreadable();
  }

  // Fast path: js-yaml reads large files an order of magnitude faster than the `yaml`
  // package. Positions are only needed to report a finding, so the `yaml` document (which
  // keeps them) is built lazily, and at once when js-yaml refuses the file, to report
  // every syntax error precisely.
  const deep = findDeepNesting(text);
  if (deep) {
    at(deep.line, deep.column, deep.rule, deep.message);
    return unreadable();
  }
  let composed: ReturnType<typeof composeDocument> | undefined;
  if (mayHoldAnchorsOrTags(text)) {
    // Aliases would be expanded by every later reader (an alias bomb), and tags would
    // give values no schema expects: refuse both before the fast reader sees the file.
    composed = composeDocument(text);
    const extras = anchorsAndTags(composed.doc, composed.doc.lineCounter, text);
    for (const finding of extras) at(finding.line, finding.column, finding.rule, finding.message);
    if (extras.length > 0) return unreadable();
    // The document holds the whole text; `locate` rebuilds it in the rare case it needs it.
    composed = undefined;
  }
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch {
    composed ??= composeDocument(text);
    reportSyntax(composed.doc, text, at);
    return unreadable();
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    at(
      1,
      1,
      'wrong-type',
      'файл должен быть словарём с ключами верхнего уровня (например, «region:» и «organizations:»), а не списком или одиночным значением',
    );
    return unreadable();
  }
  // Nothing below holds the decoded text: `locate` reads the bytes (the file as read, or the
  // text encoded again when a BOM or CR line ends were dropped from it), and the `yaml`
  // document that the rare fallback needs is decoded from them on demand.
  return { ...locatedSource(file, normalized ? new TextEncoder().encode(text) : bytes), data, issues };
}

type At = (line: number, column: number, rule: RuleId, message: string) => void;

/**
 * The parser's errors, said once each. After the first real syntax error the parser stumbles
 * over every line below it (one bad indent gives five errors), so only the first is shown,
 * explained from what the line actually holds; duplicate keys are independent and all shown.
 */
function reportSyntax(doc: Document & { lineCounter: LineCounter }, text: string, at: At): void {
  const lines = text.split('\n');
  let shown = false;
  for (const error of doc.errors) {
    const pos = doc.lineCounter.linePos(error.pos[0]);
    const rule = yamlRule(error.code);
    if (rule === 'duplicate-key') {
      const key = keyAt(text, error.pos[0]);
      at(
        pos.line,
        pos.col,
        rule,
        `синтаксис YAML: ключ${key ? ` «${key}»` : ''} повторяется в одном и том же блоке — оставьте один, иначе одно из значений потеряется`,
      );
      continue;
    }
    if (shown) continue;
    shown = true;
    const cause = syntaxCause(error.code, error.message, rule, lines, pos.line);
    at(cause.line ?? pos.line, cause.line ? indentOf(lines[cause.line - 1]!) + 1 : pos.col, rule, `синтаксис YAML: ${cause.hint}`);
  }
  if (doc.errors.length === 0) at(1, 1, 'yaml-syntax', 'файл не читается как YAML: проверьте отступы, двоеточия и кавычки');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const BAD_INDENT_HINT = 'неверный отступ: выровняйте строку по соседним ключам того же уровня (по два пробела на уровень)';

/** The hint for the first parser error, and the line it really concerns when that is another one. */
function syntaxCause(code: string, message: string, rule: string, lines: readonly string[], line: number): { hint: string; line?: number } {
  const text = lines[line - 1] ?? '';
  // `name: Управление: отдел` — a second «: » inside a plain value, the most common slip.
  if (/^\s*(?:-\s+)?[A-Za-z0-9_]+:\s+[^"'\s[{][^#]*?:(?:\s|$)/.test(text)) {
    return { hint: 'в значении есть двоеточие с пробелом после него: возьмите всё значение в кавычки, например name: "Управление: отдел"' };
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    // `name: a` followed by a line indented deeper: that next line is the one to fix.
    const next = lines.findIndex((l, i) => i >= line && l.trim() !== '' && !l.trim().startsWith('#'));
    const keyIndent = indentOf(text.replace(/^(\s*)-\s+/, '$1  '));
    if (next !== -1 && indentOf(lines[next]!) > keyIndent)
      return { hint: 'лишний отступ: строка сдвинута глубже ключа выше; выровняйте её по соседним ключам того же уровня', line: next + 1 };
  }
  if (code === 'BAD_INDENT' || /without - indicator|same column/.test(message)) return { hint: BAD_INDENT_HINT };
  return { hint: YAML_HINTS[rule] ?? YAML_CODES[code] ?? 'проверьте отступы, двоеточия и кавычки в этой строке' };
}

export { formatPath };
