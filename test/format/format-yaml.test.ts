import { describe, expect, test } from 'vitest';
import { formatYaml } from '../../src/format/format-yaml.ts';
import { RegionFile } from '../../src/schema/index.ts';

const messy = `# заголовок сохраняется\r
organizations:\r
  - name: Тест # комментарий у значения\r
    id: moskva-test\r
    level: regional\r
    kind: court\r
    accounts:\r
    - evidence:\r
      - {date: 2026-10-01, url: 'https://example.org/', type: press_report}\r
      url: https://t.me/test_channel\r
      platform: telegram\r
region: moskva\r
`;

describe('formatYaml', () => {
  const result = formatYaml(`\uFEFF${messy}`, RegionFile);

  test('orders keys as the schema does, quotes dates, keeps comments, drops BOM and CRLF', () => {
    expect(result).toEqual({
      ok: true,
      text: `# заголовок сохраняется
region: moskva
organizations:
  - id: moskva-test
    name: Тест # комментарий у значения
    kind: court
    level: regional
    accounts:
      - platform: telegram
        url: https://t.me/test_channel
        evidence:
          - type: press_report
            url: https://example.org/
            date: "2026-10-01"
`,
    });
  });

  test('is idempotent', () => {
    if (!result.ok) throw new Error('не отформатировано');
    expect(formatYaml(result.text, RegionFile)).toEqual(result);
  });

  test('refuses text that is not YAML instead of guessing', () => {
    expect(formatYaml('a: "unclosed\n', RegionFile)).toEqual({ ok: false });
  });

  test('keeps code strings as strings', () => {
    const out = formatYaml('plate_codes:\n  - "01"\n  - "101"\n');
    expect(out).toEqual({ ok: true, text: 'plate_codes: ["01", "101"]\n' });
  });
});
