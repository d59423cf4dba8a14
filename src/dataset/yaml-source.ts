/**
 * Reads one YAML file into plain data while keeping the way back from a data path
 * to a line and column, so that every finding can point at the place to fix.
 */
import jsYaml from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { blockLocator, type BlockLocator } from './block-locator.ts';
import type { Issue, PathSegment } from './issues.ts';
import { formatPath } from './issues.ts';

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

function yamlRule(code: string): string {
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
  const at = (line: number, column: number, rule: string, message: string, severity: 'error' | 'warning' = 'error') =>
    issues.push({ severity, rule, file, line, column, path: '', message });
  const unreadable = (): ParsedFile => ({ file, data: undefined, issues, locate: () => ({ line: 1, column: 1 }) });

  if (bytes.length > MAX_FILE_BYTES) {
    at(1, 1, 'file-too-large', `файл слишком велик (${(bytes.length / 1048576).toFixed(1)} МБ при пределе ${MAX_FILE_BYTES / 1048576} МБ): разделите регион на несколько файлов в папке data/regions/<регион>/, например по муниципалитетам`);
    return unreadable();
  }
  const nul = bytes.indexOf(0);
  let text: string;
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
    at(line, column, 'not-text', 'файл не является текстом в кодировке UTF-8 (двоичные данные или другая кодировка): сохраните его как UTF-8 без двоичных вставок');
    return unreadable();
  }
  if (text.charCodeAt(0) === 0xfeff) {
    at(1, 1, 'bom', 'файл начинается с метки порядка байтов (BOM): данные прочитаны, но сохраните файл как UTF-8 без BOM или выполните npm run format', 'warning');
    text = text.slice(1);
  }
  const crlf = text.indexOf('\r\n');
  if (crlf !== -1) {
    const { line } = positionOfOffset(text, crlf);
    at(line, 1, 'crlf', 'строки заканчиваются на CRLF (Windows): данные прочитаны, но выполните npm run format, чтобы перевести их в LF', 'warning');
  }
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    at(1, 1, 'empty-file', 'файл пуст: впишите данные (например, «region: <id>» и «organizations:») или удалите файл');
    return unreadable();
  }

  // Fast path: js-yaml reads large files an order of magnitude faster than the `yaml`
  // package. Positions are only needed to report a finding, so the `yaml` document (which
  // keeps them) is built lazily, and at once when js-yaml refuses the file, to report
  // every syntax error precisely.
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch {
    const { doc } = composeDocument(text);
    for (const error of doc.errors) {
      const pos = doc.lineCounter.linePos(error.pos[0]);
      const rule = yamlRule(error.code);
      const hint = YAML_HINTS[rule] ?? YAML_CODES[error.code] ?? 'проверьте отступы, двоеточия и кавычки в этой строке';
      at(pos.line, pos.col, rule, `синтаксис YAML: ${hint}`);
    }
    if (doc.errors.length === 0) at(1, 1, 'yaml-syntax', 'файл не читается как YAML: проверьте отступы, двоеточия и кавычки');
    return unreadable();
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    at(1, 1, 'wrong-type', 'файл должен быть словарём с ключами верхнего уровня (например, «region:» и «organizations:»), а не списком или одиночным значением');
    return unreadable();
  }
  let fast: BlockLocator | undefined;
  let composed: ReturnType<typeof composeDocument> | undefined;
  return {
    file,
    data,
    issues,
    locate: (path, keyOf) => {
      fast ??= blockLocator(text);
      const found = fast(path, keyOf);
      if (found) return found;
      composed ??= composeDocument(text);
      return locateIn(composed.doc, composed.doc.lineCounter, path, keyOf);
    },
  };
}

function composeDocument(text: string): { doc: Document & { lineCounter: LineCounter } } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true }) as Document & { lineCounter: LineCounter };
  doc.lineCounter = lineCounter;
  return { doc };
}

function nodeAt(doc: Document, path: readonly PathSegment[]): { node: Node | null; depth: number } {
  let node: Node | null = doc.contents as Node | null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      node = item;
    } else break;
    depth++;
  }
  return { node, depth };
}

function locateIn(doc: Document, counter: LineCounter, path: readonly PathSegment[], keyOf?: string) {
  const { node } = nodeAt(doc, path);
  let offset = node?.range?.[0] ?? 0;
  if (keyOf !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === keyOf);
    if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
  } else if (keyOf !== undefined || path.length === 0) {
    // keep the collection's own position
  }
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export { formatPath };
