/**
 * Property: whatever happens to a real data file — flipped bytes, lost or repeated lines,
 * hostile snippets, changed YAML nodes — the loader returns located Russian findings with
 * known rule ids and never throws. Bounded (a few dozen runs, a time limit) to keep CI fast;
 * a failure prints the seed to replay.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Issue } from '../../src/dataset/issues.ts';
import { loadDataset, type DataFile } from '../../src/dataset/load-dataset.ts';
import { RULE_IDS } from '../../src/dataset/rule-ids.ts';

const TODAY = '2026-11-22';
const regionNames = readdirSync('data/regions')
  .filter((n) => n.endsWith('.yaml'))
  .sort();
const source = (file: string) => readFileSync(file);

/** Snippets an attacker or a careless paste brings. */
const HOSTILE = [
  '&a ',
  '*a',
  '!!binary ',
  '!evil ',
  '\u202e',
  '\u200b',
  ': ',
  '\t',
  '\r',
  '[[[[[[[[',
  '{',
  '"',
  "'",
  '- ',
  '#',
  '\u0000',
  '0000-00-00',
  'javascript:alert(1)',
  'https://u:p@t.me:81/x',
  '<<: *a',
];

/** Mutations work on bytes, so that a flipped byte may leave UTF-8 and the loader must say so. */
type Mutation = (bytes: Buffer) => Buffer;

const byteFlip = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]): Mutation => (input) => {
  const bytes = Buffer.from(input);
  if (bytes.length) bytes[at % bytes.length] = byte;
  return bytes;
});
const lineEdit = fc
  .tuple(fc.constantFrom('delete', 'repeat', 'swap', 'indent', 'dedent'), fc.nat(), fc.nat())
  .map(([kind, a, b]): Mutation => (input) => {
    const lines = input.toString('latin1').split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    if (kind === 'delete') lines.splice(i, 1);
    else if (kind === 'repeat') lines.splice(i, 0, lines[i]!);
    else if (kind === 'swap') [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    else if (kind === 'indent') lines[i] = `  ${lines[i]}`;
    else lines[i] = lines[i]!.replace(/^ {1,2}/, '');
    return Buffer.from(lines.join('\n'), 'latin1');
  });
const snippet = fc
  .tuple(fc.nat(), fc.constantFrom(...HOSTILE), fc.integer({ min: 1, max: 4 }))
  .map(([at, piece, times]): Mutation => (input) => {
    const i = at % (input.length + 1);
    return Buffer.concat([input.subarray(0, i), Buffer.from(piece.repeat(times)), input.subarray(i)]);
  });
/** Replaces one scalar of the YAML tree by a value of another type or shape. */
const nodeEdit = fc
  .tuple(
    fc.nat(),
    fc.constantFrom<unknown>(
      null,
      -1,
      0,
      1e308,
      true,
      '',
      'x'.repeat(3000),
      [],
      {},
      '2026-02-30',
      'javascript:alert(1)',
      'https://t.me/mos_sobyanin',
      'мос\u200bсобянин',
      [1, [2, [3]]],
    ),
    fc.boolean(),
  )
  .map(([at, value, drop]): Mutation => (input) => {
    const doc = parseDocument(input.toString('utf8'));
    if (doc.errors.length) return input;
    const scalars: Array<{ parent: Node; key: unknown }> = [];
    const walk = (node: unknown) => {
      if (isMap(node))
        for (const pair of node.items) {
          if (isScalar(pair.value)) scalars.push({ parent: node, key: pair.key });
          walk(pair.value);
        }
      else if (isSeq(node)) node.items.forEach((item, i) => (isScalar(item) ? scalars.push({ parent: node, key: i }) : walk(item)));
    };
    walk(doc.contents);
    if (!scalars.length) return input;
    const { parent, key } = scalars[at % scalars.length]!;
    if (drop && isMap(parent)) parent.delete(key);
    else if (isMap(parent) || isSeq(parent)) parent.set(key, doc.createNode(value));
    return Buffer.from(doc.toString());
  });
const mutation = fc.oneof(byteFlip, lineEdit, snippet, nodeEdit);

function checkIssue(issue: Issue, files: readonly DataFile[]) {
  expect(RULE_IDS).toContain(issue.rule);
  expect(files.map((f) => f.file)).toContain(issue.file);
  expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
  expect(Number.isInteger(issue.column) && issue.column >= 1).toBe(true);
  expect(issue.message).toMatch(/[а-яё]/i);
  expect(issue.message).not.toMatch(/\bat .*\.ts:\d+|Error:|undefined|\[object Object\]/);
}

describe('the loader under random mutations of real data', () => {
  test('always returns located findings and never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...regionNames, 'platforms.yaml', 'regions.yaml', 'federal.yaml'),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (name, mutations) => {
          const target = name.endsWith('.yaml') && regionNames.includes(name) ? `data/regions/${name}` : `data/${name}`;
          const mutated = mutations.reduce<Buffer>((bytes, mutate) => mutate(bytes), source(target));
          const role = (file: string): DataFile['role'] =>
            file === 'data/platforms.yaml'
              ? 'platforms'
              : file === 'data/regions.yaml'
                ? 'regions'
                : file === 'data/federal.yaml'
                  ? 'federal'
                  : 'region';
          const files: DataFile[] = ['data/platforms.yaml', 'data/regions.yaml', 'data/federal.yaml', target]
            .filter((file, i, all) => all.indexOf(file) === i)
            .map((file) => ({
              file,
              role: role(file),
              regionHint: role(file) === 'region' ? file.slice('data/regions/'.length, -'.yaml'.length) : undefined,
              bytes: file === target ? mutated : source(file),
            }));
          const { issues } = loadDataset(files, { today: TODAY });
          for (const issue of issues) checkIssue(issue, files);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60), interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false },
    );
  }, 60_000);
});
