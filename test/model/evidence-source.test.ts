/** Evidence read on a third-party copy: the original first, by the mirror rules of platforms.yaml or an explicit original_url. */
import { describe, expect, test } from 'vitest';
import { evidenceSource, mirrorOriginal } from '../../src/model/evidence-source.ts';
import { loadDatasetFromDir } from '../../src/dataset/dataset-fs.ts';

const { platforms } = loadDatasetFromDir('data').dataset;

describe('mirrors of t.me/s/… (data/platforms.yaml)', () => {
  test.each([
    ['https://t.iss.one/s/babushkin30', 'https://t.me/s/babushkin30'],
    ['https://yangx.top/s/artyukhov_da/1147', 'https://t.me/s/artyukhov_da/1147'],
    ['https://xn--r1a.website/s/avdeev_o_vazhnom?after=4586', 'https://t.me/s/avdeev_o_vazhnom?after=4586'],
    ['https://www.tlinks.run/s/mkotyukov?after=1789', 'https://t.me/s/mkotyukov?after=1789'],
    ['https://news.1rj.ru/str/SamarOblast/3128', 'https://t.me/s/SamarOblast/3128'],
  ])('%s is a copy of %s', (url, original) => {
    expect(evidenceSource({ url }, platforms)).toEqual({ original, copy: url });
  });

  test.each(['https://t.me/s/babushkin30', 'https://www.mos.ru/mayor/', 'https://maxchart.ru/channel/astrobl'])(
    '%s is an original page',
    (url) => {
      expect(evidenceSource({ url }, platforms)).toEqual({ original: url, copy: null });
    },
  );

  test('a mirror host whose path no rule reads is a copy of an unknown original', () => {
    expect(mirrorOriginal('https://news.1rj.ru/about', platforms)).toBeNull();
    expect(evidenceSource({ url: 'https://news.1rj.ru/about' }, platforms)).toEqual({ original: null, copy: 'https://news.1rj.ru/about' });
  });

  test('original_url in the data wins', () => {
    expect(evidenceSource({ url: 'https://example.org/copy/1', original_url: 'https://t.me/s/x_channel/5' }, platforms)).toEqual({
      original: 'https://t.me/s/x_channel/5',
      copy: 'https://example.org/copy/1',
    });
  });
});
