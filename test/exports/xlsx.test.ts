/**
 * The hand-written SpreadsheetML and ZIP container, read back by a real reader (exceljs):
 * column names, date serials, text that XML cannot carry as it is, and a valid archive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import type { Table } from '../../src/exports/tables.ts';
import { columnName, escapeXml, excelSerial, SheetXml, workbookHeadParts, workbookTailParts } from '../../src/exports/xlsx.ts';
import { ZipWriter } from '../../src/exports/zip-fs.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How a spreadsheet program reads SpreadsheetML text back (ECMA-376 ST_Xstring escapes). */
const unescapeXstring = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('SpreadsheetML pieces', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, name) => expect(columnName(index)).toBe(name));

  test.each([
    ['1899-12-31', 1],
    ['1900-03-01', 61],
    ['2022-12-01', 44896],
    ['2026-02-28', 46081],
  ])('%s is day %i of the spreadsheet calendar', (date, serial) => expect(excelSerial(date)).toBe(serial));

  test.each([
    ['<b>&"', '&lt;b&gt;&amp;&quot;'],
    ['a\u0001b', 'a_x0001_b'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['_x0041_ literally', '_x005F_x0041_ literally'],
  ])('%j is written as %j and reads back unchanged', (text, xml) => {
    expect(escapeXml(text)).toBe(xml);
    const decoded = xml
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(unescapeXstring(decoded)).toBe(text);
  });
});

describe('a workbook written chunk by chunk', () => {
  const table = {
    name: 'regions',
    columns: [
      { name: 'name', type: 'string' },
      { name: 'date', type: 'date' },
      { name: 'count', type: 'integer' },
      { name: 'note', type: 'string' },
    ],
  } as unknown as Table;

  test('opens in a real reader with typed cells, empty cells left empty, formulas inert and properties set', async () => {
    const file = path.join(dir, 'book.xlsx');
    const zip = new ZipWriter(file);
    for (const part of workbookHeadParts({
      title: 'Т',
      subject: 'S',
      description: 'Версия 1',
      keywords: 'k',
      creator: 'Госпаблики',
      created: new Date('2026-12-01T00:00:00Z'),
    })) {
      zip.begin(part.name);
      zip.write(part.text);
    }
    const sheet = new SheetXml(table);
    zip.begin('xl/worksheets/sheet1.xml');
    zip.write(sheet.head());
    zip.write(sheet.row(2, ['Москва', '2026-02-28', 42, null]));
    zip.write(sheet.row(3, ['=HYPERLINK("http://example.com")', null, 0, 'a <b> & c']));
    zip.write(sheet.tail(3));
    for (const part of workbookTailParts([{ name: 'regions', columns: 4, lastRow: 3 }])) {
      zip.begin(part.name);
      zip.write(part.text);
    }
    const size = zip.close();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.description).toBe('Версия 1');
    const ws = workbook.getWorksheet('regions')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['name', 'date', 'count', 'note']);
    expect(ws.getRow(2).getCell(1).value).toBe('Москва');
    expect((ws.getRow(2).getCell(2).value as Date).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(ws.getRow(2).getCell(3).value).toBe(42);
    expect(ws.getRow(2).getCell(4).value).toBeNull();
    expect(ws.getRow(3).getCell(1).value).toBe(`'=HYPERLINK("http://example.com")`);
    expect(ws.getRow(3).getCell(1).formula).toBeUndefined();
    expect(ws.getRow(3).getCell(4).value).toBe('a <b> & c');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:D3');
    expect(size).toBe(zip.bytes);
  });

  test('the closing estimate covers exactly what closing adds', () => {
    const zip = new ZipWriter(path.join(dir, 'estimate.zip'));
    zip.begin('a.txt');
    zip.write('hello');
    const tail = [{ name: 'b.xml', text: '<b>world</b>' }];
    const expected = zip.bytes + ZipWriter.entryBytes('b.xml', tail[0]!.text) + zip.closingBytes(tail);
    zip.begin('b.xml');
    zip.write(tail[0]!.text);
    expect(zip.close()).toBe(expected);
  });
});
