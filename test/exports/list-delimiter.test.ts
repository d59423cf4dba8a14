/**
 * Lists are written in CSV and XLSX as values joined by «|» (declared in the Table
 * Schema), so the loader refuses «|» inside a list value, and the exports refuse to
 * write one that slipped through.
 */
import { expect, test } from 'vitest';
import { formatIssueLine } from '../../src/report/format-issues.ts';
import { LIST_DELIMITER, joinList } from '../../src/exports/tables.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listDataFiles } from '../../src/dataset/dataset-fs.ts';
import { loadDataset } from '../../src/dataset/load-dataset.ts';
import { FIXTURES, TODAY } from '../support/fixtures.ts';

/** The valid fixture with the files of test/fixtures/exports/<name> replacing same-named ones. */
function loadWith(name: string) {
  const filesOf = (dir: string) =>
    listDataFiles(dir).map(({ absolute, role, regionHint }) => ({
      file: `data/${path.relative(dir, absolute)}`,
      role,
      regionHint,
      bytes: readFileSync(absolute),
    }));
  const changed = filesOf(path.join(FIXTURES, 'exports', name));
  const names = new Set(changed.map((f) => f.file));
  return loadDataset([...filesOf(path.join(FIXTURES, 'valid')).filter((f) => !names.has(f.file)), ...changed], { today: TODAY });
}

test('the loader refuses «|» in a previous address, located', () => {
  const { issues } = loadWith('list-delimiter');
  expect(issues.map(formatIssueLine)).toEqual([
    'data/regions/moskva.yaml:13:13 organizations[0].accounts[0].previous_urls[1] — ошибка: элемент списка: в адресе есть знак «|»: им в CSV и Excel разделяются прежние адреса; запишите его как %7C (указано «https://example.org/a|b») [invalid-format]',
  ]);
});

test('lists join with «|», and a value holding it is an error, not a silent split', () => {
  expect(LIST_DELIMITER).toBe('|');
  expect(joinList(['22', '122'])).toBe('22|122');
  expect(joinList([])).toBeNull();
  expect(() => joinList(['https://example.org/a|b'])).toThrow('значение списка содержит разделитель «|»: https://example.org/a|b');
});
