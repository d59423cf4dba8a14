/**
 * SpreadsheetML for the XLSX download: the XML of a worksheet, row by row, and the few
 * fixed parts of a workbook. Written by hand rather than through a workbook library so
 * that a national-size workbook costs seconds, not most of the build: every cell is typed
 * (inline strings, numbers, dates with a date format), the header row is frozen. Pure:
 * strings in, strings out; the zip container is `zip-fs.ts`.
 */
import { neutralizeFormula } from './serialize.ts';
import type { Cell, Table } from './tables.ts';

/** Workbook properties shown by spreadsheet programs (File → Properties). */
export type WorkbookProperties = { title: string; subject: string; description: string; keywords: string; creator: string; created: Date };

/** Style index of date cells in `styles.xml` (0 is the default style, 1 the bold header). */
const DATE_STYLE = 2;
const HEADER_STYLE = 1;

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

/** Writes the rows of one table; the column letters are computed once. */
export class SheetXml {
  private readonly letters: string[];
  private readonly table: Table;

  constructor(table: Table) {
    this.table = table;
    this.letters = table.columns.map((_, i) => columnName(i));
  }

  /** The sheet up to and including its header row (row 1, frozen). */
  head(): string {
    const cols = this.table.columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(10, c.name.length + 2))}" customWidth="1"/>`)
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
      else if (this.table.columns[i]!.type === 'date') xml += `<c r="${ref}" s="${DATE_STYLE}"><v>${excelSerial(value)}</v></c>`;
      else xml += inlineString(ref, neutralizeFormula(value));
    });
    return `${xml}</row>`;
  }

  static readonly TAIL = '</sheetData></worksheet>';
}

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
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        '</styleSheet>',
    },
  ];
}

/**
 * The parts written after the sheets, once it is known how many went into this workbook
 * (a national table may go on in the next one): the workbook, its relations, content types.
 */
export function workbookTailParts(sheetNames: readonly string[]): Array<{ name: string; text: string }> {
  return [
    {
      name: '[Content_Types].xml',
      text:
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheetNames.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    },
    {
      name: 'xl/workbook.xml',
      text:
        `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
        `<sheets>${sheetNames.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text:
        `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheetNames.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheetNames.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    },
  ];
}
