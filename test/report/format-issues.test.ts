import { expect, test } from 'vitest';
import { formatForGithub, formatIssueLine, limitWarnings } from '../../src/report/format-issues.ts';
import type { Issue } from '../../src/dataset/issues.ts';

const issue: Issue = {
  severity: 'error',
  rule: 'duplicate-account',
  file: 'data/regions/a,b.yaml',
  line: 12,
  column: 7,
  path: 'organizations[3].accounts[0].url',
  message: 'уже указан: 50%\nисправьте',
};

test('terminal line: file:line:column, data path, severity, message and rule', () => {
  expect(formatIssueLine(issue)).toBe(
    'data/regions/a,b.yaml:12:7 organizations[3].accounts[0].url — ошибка: уже указан: 50%\nисправьте [duplicate-account]',
  );
});

test('GitHub annotation escapes properties and data as the workflow commands require', () => {
  expect(formatForGithub([issue])).toBe(
    '::error file=data/regions/a%2Cb.yaml,line=12,col=7,title=duplicate-account::organizations[3].accounts[0].url: уже указан: 50%25%0Aисправьте',
  );
});

test('warnings are capped, errors never', () => {
  const warning: Issue = { ...issue, severity: 'warning' };
  const list = [warning, issue, warning, warning, issue];
  expect(limitWarnings(list, 1).map((i) => i.severity)).toEqual(['warning', 'error', 'error']);
});

test('errors come first; warnings are summarised per rule, most frequent first', async () => {
  const { errorsFirst, summarizeWarnings } = await import('../../src/report/format-issues.ts');
  const warning = (rule: Issue['rule']): Issue => ({ ...issue, severity: 'warning', rule });
  const list = [warning('stale-evidence'), issue, warning('holder-missing'), warning('stale-evidence')];
  expect(errorsFirst(list).map((i) => i.severity)).toEqual(['error', 'warning', 'warning', 'warning']);
  expect(summarizeWarnings(list)).toBe('предупреждения: 2 stale-evidence, 1 holder-missing (показать все: npm run validate -- --warnings)');
  expect(summarizeWarnings([issue])).toBeNull();
});
