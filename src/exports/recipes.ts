/**
 * How to read the downloads right the first time, one line per tool: codes as text (so
 * «01» keeps its zero), lists split at «|», dates as written. The /data/ page prints these
 * lines and a test runs every one that can run on the build machine (Python's csv and
 * sqlite3, pandas, R, sqlite-utils, LibreOffice), so a recipe cannot drift from the files. Pure.
 */

export type Recipe = {
  /** Stable id (the test finds the recipe by it). */
  id: string;
  tool: string;
  /** What to type; for the tools that run here, code the test runs as it is. */
  code: string;
  /** What the line does and why, in plain words. */
  note: string;
};

export const RECIPES: readonly Recipe[] = [
  {
    id: 'pandas-csv',
    tool: 'pandas (CSV)',
    code: "df = pd.read_csv('regions.csv', dtype=str, keep_default_na=False, encoding='utf-8-sig')",
    note: 'dtype=str оставляет коды текстом («01», а не 1.0); keep_default_na=False оставляет пустые ячейки пустой строкой; utf-8-sig читает файл и с меткой BOM, и без неё.',
  },
  {
    id: 'pandas-json',
    tool: 'pandas (JSON)',
    code: "df = pd.read_json('regions.json', dtype=False, convert_dates=False)",
    note: 'Файл — простой массив записей; dtype=False и convert_dates=False оставляют коды и даты такими, как они записаны; списки приходят списками Python.',
  },
  {
    id: 'pandas-csv-gz',
    tool: 'pandas (большая таблица)',
    code: "df = pd.read_csv(io.BytesIO(b''.join(open(p, 'rb').read() for p in sorted(glob.glob('accounts*.csv.gz')))), compression='gzip', dtype=str, keep_default_na=False)",
    note: "Таблицы больше 24 МБ (аккаунты, подтверждения, организации всей страны) опубликованы сжатыми gzip, а очень большие — ещё и частями, у которых заголовок только в первой: строка склеивает части по порядку и читает их как один файл; она же читает и один файл. Проще: pd.read_csv('accounts.csv.gz', dtype=str, keep_default_na=False), когда файл один.",
  },
  {
    id: 'pandas-ndjson',
    tool: 'pandas (большая таблица в JSON)',
    code: "df = pd.concat(pd.read_json(p, lines=True, dtype=False, convert_dates=False) for p in sorted(glob.glob('accounts*.ndjson.gz')))",
    note: 'Большая таблица в JSON — NDJSON (одна запись на строку), сжатый gzip; части читаются по порядку и склеиваются.',
  },
  {
    id: 'pandas-xlsx',
    tool: 'pandas (Excel)',
    code: "df = pd.read_excel('gospabliki.xlsx', sheet_name='regions', dtype=str)",
    note: 'Лист — таблица; коды в книге записаны текстом, dtype=str сохраняет их и в pandas.',
  },
  {
    id: 'python-csv',
    tool: 'Python (csv)',
    code: "rows = list(csv.DictReader(open('regions.csv', encoding='utf-8-sig', newline='')))",
    note: 'Все значения — строки; список — row["plate_codes"].split("|").',
  },
  {
    id: 'r-csv',
    tool: 'R',
    code: 'regions <- read.csv("regions.csv", colClasses = "character", encoding = "UTF-8")',
    note: 'colClasses = "character" оставляет коды текстом; список — strsplit(regions$plate_codes, "|", fixed = TRUE).',
  },
  {
    id: 'sqlite',
    tool: 'SQLite',
    code: "SELECT name, plate_codes FROM regions WHERE id IN (SELECT r.id FROM regions r, json_each(r.plate_codes) WHERE json_each.value = '122');",
    note: 'В базе списки — массивы JSON: json_each разворачивает их в строки.',
  },
  {
    id: 'datasette',
    tool: 'Datasette',
    code: 'datasette gospabliki.sqlite -m metadata.json',
    note: 'Описания таблиц и столбцов, лицензия и источник — из metadata.json; полнотекстовый поиск по названиям, заголовкам и примечаниям уже встроен (таблицы *_fts). Для других столбцов: sqlite-utils enable-fts gospabliki.sqlite evidence source --fts5.',
  },
  {
    id: 'excel',
    tool: 'Excel',
    code: 'Откройте gospabliki.xlsx',
    note: 'Коды записаны текстом, адреса — ссылки, у заголовка фильтр. CSV в Excel: Данные → Из текстового/CSV-файла, кодировка «65001: Юникод (UTF-8)», разделитель — запятая, для столбцов с кодами — тип «Текстовый».',
  },
  {
    id: 'libreoffice',
    tool: 'LibreOffice',
    code: 'Откройте gospabliki.xlsx',
    note: 'Коды в книге — текст, поэтому «22|122» и «01» остаются как есть. CSV: в окне импорта кодировка «Юникод (UTF-8)», разделитель — запятая, столбцам с кодами задайте тип «Текст».',
  },
];

export const recipe = (id: string): Recipe => RECIPES.find((r) => r.id === id)!;
