/**
 * The XLSX download: one workbook, a sheet per table, streamed into a ZIP (xlsx.ts for
 * the XML, zip-fs.ts for the container). The compressed size is known as the rows go in,
 * so when the next chunk of rows would take a workbook past the limit, the workbook is
 * closed and the sheet goes on in the next one (`gospabliki-1.xlsx`, `gospabliki-2.xlsx`…),
 * every row kept once; which rows of which table each workbook holds is recorded, so the
 * descriptor can name each part by its row ranges.
 */
import { renameSync } from 'node:fs';
import path from 'node:path';
import type { DataVersion } from '../model/data-version.ts';
import type { WrittenFile, XlsxSheetPart } from './datapackage.ts';
import { CHUNK_BYTES, hashFile } from './part-writer-fs.ts';
import type { ExportSource } from './source.ts';
import { DATA_LICENSE } from './serialize.ts';
import { TABLE_NAMES, TABLES, type Cell } from './tables.ts';
import { SheetXml, workbookHeadParts, workbookTailParts, type SheetInfo, type WorkbookProperties } from './xlsx.ts';
import { ZipWriter } from './zip-fs.ts';

/** Rows read ahead of a sheet's header to size its columns. */
const WIDTH_SAMPLE_ROWS = 200;

export type XlsxResult = { parts: WrittenFile[]; sheets: XlsxSheetPart[]; rows: number };

export async function writeXlsx(root: string, from: ExportSource, version: DataVersion, limit: number): Promise<XlsxResult> {
  const props: WorkbookProperties = {
    title: 'Госпаблики: официальные страницы госорганов в социальных сетях',
    subject: `Версия данных ${version.id}`,
    description: `Версия данных ${version.id}. Лицензия ${DATA_LICENSE.name} (${DATA_LICENSE.path}).`,
    keywords: `version=${version.id}; license=${DATA_LICENSE.name}`,
    creator: 'Госпаблики',
    created: new Date(version.time),
  };
  const names: string[] = [];
  const parts: WrittenFile[] = [];
  const sheetParts: XlsxSheetPart[] = [];
  const file = (n: number) => (n === 1 ? 'data/gospabliki.xlsx' : `data/gospabliki-${n}.xlsx`);
  let zip: ZipWriter | undefined;
  let sheets: SheetInfo[] = [];
  let rowsInBook = 0;
  let rows = 0;
  /** The sheet being written: its XML writer, the next row number and the table's row count so far. */
  let current: { sheet: SheetXml; next: number; done: number; first: number } | undefined;

  const openBook = () => {
    const n = names.length + 1;
    if (n === 2) {
      renameSync(path.join(root, file(1)), path.join(root, 'data/gospabliki-1.xlsx'));
      names[0] = 'data/gospabliki-1.xlsx';
    }
    names.push(file(n));
    zip = new ZipWriter(path.join(root, file(n)));
    for (const part of workbookHeadParts(props)) {
      zip.begin(part.name);
      zip.write(part.text);
    }
    sheets = [];
    rowsInBook = 0;
  };
  const endSheet = () => {
    if (!current) return;
    const info = sheets.at(-1)!;
    info.lastRow = current.next - 1;
    zip!.write(current.sheet.tail(info.lastRow));
    sheetParts.push({
      part: names.length,
      table: info.name as XlsxSheetPart['table'],
      sheet: info.name,
      first: current.first,
      last: current.done,
    });
  };
  const closeBook = () => {
    endSheet();
    for (const part of workbookTailParts(sheets)) {
      zip!.begin(part.name);
      zip!.write(part.text);
    }
    zip!.close();
    parts.push(hashFile(root, names.at(-1)!));
  };
  /** What closing the workbook now would still add: the sheet's end, the last parts, the directory. */
  const closingReserve = () => {
    const tail = workbookTailParts(sheets.map((s) => ({ ...s, lastRow: current!.next })));
    return (
      ZipWriter.deflate(current!.sheet.tail(current!.next)).deflated.length +
      tail.reduce((sum, p) => sum + ZipWriter.entryBytes(p.name, p.text), 0) +
      zip!.closingBytes(tail) +
      64
    );
  };
  const openSheet = (name: (typeof TABLE_NAMES)[number], sheet: SheetXml, sample: Cell[][], done: number) => {
    sheets.push({ name, columns: TABLES[name].columns.length, lastRow: 1 });
    zip!.begin(`xl/worksheets/sheet${sheets.length}.xml`);
    zip!.write(sheet.head(sample));
    current = { sheet, next: 2, done, first: done + 1 };
  };

  openBook();
  for (const name of TABLE_NAMES) {
    const sheet = new SheetXml(TABLES[name]);
    const source = from.rows(name)[Symbol.iterator]();
    const sample: Cell[][] = [];
    for (let next = source.next(); !next.done; next = sample.length < WIDTH_SAMPLE_ROWS ? source.next() : { done: true, value: undefined })
      sample.push(next.value);
    if (current) endSheet();
    current = undefined;
    openSheet(name, sheet, sample, 0);
    let pending: Cell[][] = [];
    let pendingBytes = 0;
    /**
     * The chunk being deflated on libuv's thread pool (the second core) while this thread
     * turns the next rows into XML. Its row numbers assume no workbook is cut before it;
     * `settle` writes it, or, when it would pass the limit, cuts the workbook and writes
     * its rows again numbered for the new one.
     */
    let inflight: { rows: Cell[][]; first: number; raw: Buffer; deflated: Promise<Buffer> } | undefined;
    const launch = (rows: Cell[][], first: number) => {
      const raw = Buffer.from(rows.map((cells, i) => sheet.row(first + i, cells)).join(''));
      return { rows, first, raw, deflated: ZipWriter.deflateAsync(raw) };
    };
    const settle = async () => {
      if (!inflight) return;
      let chunk = inflight;
      inflight = undefined;
      let deflated = await chunk.deflated;
      if (rowsInBook > 0 && zip!.bytes + deflated.length + closingReserve() > limit) {
        const done = current!.done;
        closeBook();
        openBook();
        openSheet(name, sheet, sample, done);
        chunk = launch(chunk.rows, current!.next);
        deflated = await chunk.deflated;
      }
      zip!.writeDeflated({ raw: chunk.raw, deflated });
      current!.next += chunk.rows.length;
      current!.done += chunk.rows.length;
      rowsInBook += chunk.rows.length;
    };
    const flush = async () => {
      if (pending.length === 0) return;
      const rows = pending;
      pending = [];
      pendingBytes = 0;
      // Numbered to follow the chunk still in flight.
      const next = launch(rows, current!.next + (inflight?.rows.length ?? 0));
      await settle();
      // A cut renumbered the rows: this chunk's XML is numbered for the old workbook.
      inflight = next.first !== current!.next ? launch(rows, current!.next) : next;
    };
    /** Queues a row; true when the rows queued make a chunk. */
    const add = (row: Cell[]) => {
      pending.push(row);
      // Roughly the XML a row becomes: its text and some 40 bytes of markup a cell.
      for (const value of row)
        pendingBytes +=
          value === null ? 0 : typeof value === 'number' ? 24 : (typeof value === 'string' ? value.length : value.join('|').length) + 40;
      rows++;
      return pendingBytes >= Math.min(CHUNK_BYTES, limit / 8);
    };
    for (const row of sample) if (add(row)) await flush();
    for (let next = source.next(); !next.done; next = source.next()) if (add(next.value)) await flush();
    await flush();
    await settle();
  }
  closeBook();
  // The first workbook was renamed once a second one was needed.
  parts[0]!.path = names[0]!;
  return { parts, sheets: sheetParts, rows };
}
