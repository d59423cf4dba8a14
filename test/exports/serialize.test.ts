/** CSV quoting (RFC 4180) and JSON rows for awkward values, read back by csv-parse and JSON.parse. */
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvHeader, csvRow, ndjsonToArray, sha256sums, toCsv, toJson } from '../../src/exports/serialize.ts';
import { TABLES, type Cell } from '../../src/exports/tables.ts';

describe('csvRow', () => {
  test.each<[Cell[], string]>([
    [['a', 'b'], 'a,b\r\n'],
    [['с запятой, внутри', 'x'], '"с запятой, внутри",x\r\n'],
    [['кавычки "вот"', 'x'], '"кавычки ""вот""",x\r\n'],
    [['две\nстроки', 'x'], '"две\nстроки",x\r\n'],
    [['возврат\rкаретки', 'x'], '"возврат\rкаретки",x\r\n'],
    [[null, 0, 12.5], ',0,12.5\r\n'],
    [['=1+1', '-5', '+7', '@x'], "'=1+1,'-5,'+7,'@x\r\n"],
    [[['22', '122'], []], '22|122,\r\n'],
    [[['a,b'], 'x'], '"a,b",x\r\n'],
  ])('%j → %j', (row, line) => {
    expect(csvRow(row)).toBe(line);
  });

  test('awkward values survive a real CSV parser', () => {
    const table = TABLES.figures;
    const row: Cell[] = [
      'id-1',
      null,
      'other',
      3577,
      null,
      'count',
      'about',
      'Сказано: «около 3 577», а также "кавычки",\r\nи перевод строки',
      '2026-10',
      null,
      'Издание',
      'Заголовок',
      '2026-10-01',
      null,
    ];
    const text = toCsv(table, [row]);
    // No byte order mark: the Data Package spec recommends UTF-8 without it, and split parts concatenate cleanly.
    expect(text.startsWith('id,')).toBe(true);
    expect(csvHeader(table).endsWith('\r\n')).toBe(true);
    const [back] = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(back!.statement).toBe(row[7]);
    expect(back!.value).toBe('3577');
    expect(back!.region_id).toBe('');
  });
});

describe('toJson', () => {
  test('a plain array of records keyed by column (what pd.read_json reads), lists as arrays', () => {
    const table = TABLES.figures;
    const row: Cell[] = [
      'id-1',
      'moskva',
      'other',
      12.5,
      null,
      'percent',
      'exact',
      '=текст',
      '2026',
      null,
      'И',
      'З',
      '2026-10-01',
      'https://example.org/',
    ];
    const json = JSON.parse(toJson(table, [row, row])) as Array<Record<string, Cell>>;
    expect(json).toHaveLength(2);
    expect(Object.keys(json[0]!)).toEqual(table.columns.map((c) => c.name));
    expect(json[0]).toMatchObject({ id: 'id-1', value: 12.5, said_by: null, statement: '=текст' });
    const regions = JSON.parse(
      toJson(TABLES.regions, [
        [
          'moskva',
          'Москва',
          'Moscow',
          'federal_city',
          'central',
          null,
          '77',
          '45000000000',
          '45000000',
          '7700000000000',
          ['77', '97'],
          'RU-MOW',
          'ru',
          null,
          null,
          ['test'],
          3,
          3,
        ],
      ]),
    ) as Array<Record<string, Cell>>;
    expect(regions[0]!.plate_codes).toEqual(['77', '97']);
  });

  test('an empty table is an empty array', () => {
    expect(JSON.parse(toJson(TABLES.figures, []))).toEqual([]);
  });

  test('NDJSON of one part becomes the same records as a JSON array', () => {
    expect(JSON.parse(ndjsonToArray('{"a":1}\n{"a":"x\\ny"}\n'))).toEqual([{ a: 1 }, { a: 'x\ny' }]);
    expect(JSON.parse(ndjsonToArray(''))).toEqual([]);
  });
});

test('SHA256SUMS is sorted by code unit, not by locale', () => {
  expect(
    sha256sums([
      { path: 'b.csv', sha256: '2' },
      { path: 'B.csv', sha256: '1' },
      { path: 'a-01.csv', sha256: '3' },
    ]),
  ).toBe('1  B.csv\n3  a-01.csv\n2  b.csv\n');
});
