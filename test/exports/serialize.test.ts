/** CSV quoting (RFC 4180) and JSON rows for awkward values, read back by csv-parse and JSON.parse. */
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvHeader, csvRow, makeDataVersion, toCsv, toJson } from '../../src/exports/serialize.ts';
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
  ])('%j → %j', (row, line) => {
    expect(csvRow(row)).toBe(line);
  });

  test('awkward values survive a real CSV parser', () => {
    const table = TABLES.figures;
    const row: Cell[] = ['id-1', null, 'other', 3577, null, 'count', 'about', 'Сказано: «около 3 577», а также "кавычки",\r\nи перевод строки', '2026-10', null, 'Издание', 'Заголовок', '2026-10-01', null];
    const text = toCsv(table, [row]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(csvHeader(table).endsWith('\r\n')).toBe(true);
    const [back] = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(back!.statement).toBe(row[7]);
    expect(back!.value).toBe('3577');
    expect(back!.region_id).toBe('');
  });
});

describe('toJson', () => {
  test('rows are objects keyed by column, with version and licence beside them', () => {
    const table = TABLES.figures;
    const row: Cell[] = ['id-1', 'moskva', 'other', 12.5, null, 'percent', 'exact', '=текст', '2026', null, 'И', 'З', '2026-10-01', 'https://example.org/'];
    const json = JSON.parse(toJson(table, [row, row], makeDataVersion('2026-11-23', null))) as { version: string; license: string; columns: string[]; rows: Array<Record<string, Cell>> };
    expect(json.version).toBe('2026-11-23+unknown');
    expect(json.license).toBe('CC-BY-SA-4.0');
    expect(json.columns).toEqual(table.columns.map((c) => c.name));
    expect(json.rows).toHaveLength(2);
    expect(json.rows[0]).toMatchObject({ id: 'id-1', value: 12.5, said_by: null, statement: '=текст' });
  });

  test('an empty table is still valid JSON', () => {
    expect(JSON.parse(toJson(TABLES.figures, [], makeDataVersion('2026-11-23', 'abc'))).rows).toEqual([]);
  });
});
