/**
 * SpreadsheetML for the XLSX download: the XML of a worksheet, row by row, and the few
 * fixed parts of a workbook. Written by hand rather than through a workbook library so
 * that a national-size workbook costs seconds, not most of the build. A sheet a reader
 * can work with: the header row frozen and filtered, columns as wide as their values,
 * codes as text cells (never numbers, so «07» keeps its zero), full dates as date cells
 * (a partial date such as «2018-03» stays text: inventing a day would misstate it),
 * addresses as clickable links. Pure: strings in, strings out; the zip container is `zip-fs.ts`.
 */
import { cellText, neutralizeFormula } from './serialize.ts';
import type { Cell, Column, Table } from './tables.ts';

/** Workbook properties shown by spreadsheet programs (File → Properties). */
export type WorkbookProperties = { title: string; subject: string; description: string; keywords: string; creator: string; created: Date };

/** Style indexes in `styles.xml`: 0 the default, 1 the bold header, 2 dates, 3 links. */
const HEADER_STYLE = 1;
const DATE_STYLE = 2;
const LINK_STYLE = 3;
/** Excel's HYPERLINK takes an address of at most 255 characters; a longer one stays plain text. */
const MAX_LINK_LENGTH = 255;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Characters XML 1.0 cannot carry; SpreadsheetML writes them as `_xHHHH_`. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Anything `escapeXml` has to change; most cells have none of it. */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;

/** Escapes text for an XML text node or attribute, keeping every character the user wrote. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1')
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The spreadsheet column name of a 0-based index: A, B, …, Z, AA, AB… */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30, the serial number a spreadsheet stores for a calendar date. */
export function excelSerial(isoDate: string): number {
  return (Date.parse(`${isoDate}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function inlineString(ref: string, text: string, style = 0): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** Columns whose values are web addresses: written as HYPERLINK formulas with the address as the cached value. */
export const isLinkColumn = (column: Column) => column.type === 'string' && /(^|_)url$|^website$/.test(column.name);

/** Columns that hold dates, full or partial. */
const isDateColumn = (column: Column) => column.type === 'date' || column.partialDate === true;

/** Widths in characters from the header and a sample of the values (between 8 and 60). */
export function columnWidths(table: Table, sample: ReadonlyArray<readonly Cell[]>): number[] {
  return table.columns.map((column, i) => {
    let width = column.name.length + 2;
    if (isDateColumn(column)) width = Math.max(width, 12);
    for (const row of sample) {
      const value = row[i];
      if (value === null || value === undefined) continue;
      const text = typeof value === 'number' ? String(value) : cellText(value);
      width = Math.max(width, Math.min(text.length, 60) + 1);
    }
    return Math.min(60, Math.max(8, width));
  });
}

const formulaText = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Writes the rows of one table; the column letters are computed once. */
export class SheetXml {
  private readonly letters: string[];
  private readonly table: Table;
  private readonly links: boolean[];
  private readonly dates: boolean[];

  constructor(table: Table) {
    this.table = table;
    this.letters = table.columns.map((_, i) => columnName(i));
    this.links = table.columns.map(isLinkColumn);
    this.dates = table.columns.map(isDateColumn);
  }

  /** The sheet up to and including its header row (row 1, frozen), with column widths from a sample of rows. */
  head(sample: ReadonlyArray<readonly Cell[]> = []): string {
    const cols = columnWidths(this.table, sample)
      .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
      .join('');
    const header = this.table.columns.map((c, i) => inlineString(`${this.letters[i]}1`, c.name, HEADER_STYLE)).join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      `<cols>${cols}</cols><sheetData><row r="1">${header}</row>`
    );
  }

  /** One data row at 1-based position `n` (the header is row 1). Text is made inert as a formula. */
  row(n: number, cells: readonly Cell[]): string {
    let xml = `<row r="${n}">`;
    cells.forEach((value, i) => {
      if (value === null) return;
      const ref = `${this.letters[i]}${n}`;
      if (typeof value === 'number') xml += `<c r="${ref}"><v>${value}</v></c>`;
      else if (typeof value === 'string' && this.dates[i] && FULL_DATE.test(value))
        xml += `<c r="${ref}" s="${DATE_STYLE}"><v>${excelSerial(value)}</v></c>`;
      else if (typeof value === 'string' && this.links[i] && /^https?:\/\//.test(value) && value.length <= MAX_LINK_LENGTH) {
        xml += `<c r="${ref}" s="${LINK_STYLE}" t="str"><f>${escapeXml(`HYPERLINK(${formulaText(value)},${formulaText(value)})`)}</f><v>${escapeXml(value)}</v></c>`;
      } else xml += inlineString(ref, neutralizeFormula(cellText(value)));
    });
    return `${xml}</row>`;
  }

  /** The end of the sheet: the autofilter over the header and `lastRow` rows. */
  tail(lastRow: number): string {
    return `</sheetData><autoFilter ref="${filterRange(this.table.columns.length, lastRow)}"/></worksheet>`;
  }
}

/** `A1:W120`: the header and the rows of a sheet. */
const filterRange = (columns: number, lastRow: number, absolute = false) => {
  const d = absolute ? '$' : '';
  return `${d}A${d}1:${d}${columnName(columns - 1)}${d}${Math.max(1, lastRow)}`;
};

/** What the workbook parts need to know of a written sheet. */
export type SheetInfo = { name: string; columns: number; lastRow: number };

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts written before the sheets: package relations, properties, styles. */
export function workbookHeadParts(props: WorkbookProperties): Array<{ name: string; text: string }> {
  const created = props.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    {
      name: '_rels/.rels',
      text:
        `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    },
    {
      name: 'docProps/core.xml',
      text:
        `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:title>${escapeXml(props.title)}</dc:title><dc:subject>${escapeXml(props.subject)}</dc:subject>` +
        `<dc:creator>${escapeXml(props.creator)}</dc:creator><cp:keywords>${escapeXml(props.keywords)}</cp:keywords>` +
        `<dc:description>${escapeXml(props.description)}</dc:description>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
        '</cp:coreProperties>',
    },
    {
      name: 'docProps/app.xml',
      text: `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeXml(props.creator)}</Application></Properties>`,
    },
    {
      name: 'xl/styles.xml',
      text:
        `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
        '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        '</styleSheet>',
    },
  ];
}

/**
 * The parts written after the sheets, once it is known how many went into this workbook
 * (a national table may go on in the next one): the workbook, its relations, content types.
 */
export function workbookTailParts(sheets: readonly SheetInfo[]): Array<{ name: string; text: string }> {
  const sheetNames = sheets.map((s) => s.name);
  // Excel keeps a sheet's filter range in this hidden name; without it some versions drop the filter.
  const filters = sheets
    .map(
      (s, i) =>
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`'${s.name}'!${filterRange(s.columns, s.lastRow, true)}`)}</definedName>`,
    )
    .join('');
  return [
    {
      name: '[Content_Types].xml',
      text:
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheetNames
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    },
    {
      name: 'xl/workbook.xml',
      text:
        `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
        `<sheets>${sheetNames.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
        `<definedNames>${filters}</definedNames></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text:
        `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheetNames
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheetNames.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    },
  ];
}
