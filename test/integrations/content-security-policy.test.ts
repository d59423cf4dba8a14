import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { hasInlineHandlers, policyFor, withPolicy } from '../../src/integrations/content-security-policy.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('policyFor', () => {
  test('allows exactly the inline scripts the browser runs, not data blocks or external files', () => {
    const html =
      '<script>a()</script><script type="module">b()</script><script type="application/json">{"c":1}</script><script src="/x.js"></script>';
    const policy = policyFor(html);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${[hash('a()'), hash('b()')].sort().join(' ')};`);
    expect(policy).not.toContain(hash('{"c":1}'));
    expect(policy).not.toContain('unsafe-inline');
  });

  test('hashes style elements and style attributes (decoded), and forbids attributes when there are none', () => {
    const policy = policyFor('<style>p{color:red}</style><p style="background: #fff;">x</p><i style=\'width:&quot;1&quot;\'>y</i>');
    expect(policy).toContain(`style-src-elem 'self' ${hash('p{color:red}')};`);
    expect(policy).toContain(`style-src-attr 'unsafe-hashes' ${[hash('background: #fff;'), hash('width:"1"')].sort().join(' ')};`);
    expect(policyFor('<p>x</p>')).toContain("style-src-attr 'none'");
  });

  test('never allows other origins, plugins or framing through a base tag', () => {
    const policy = policyFor('<p>x</p>');
    expect(policy).toMatch(
      /^default-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';/,
    );
    expect(policy).not.toMatch(/https?:|\*/);
  });
});

describe('withPolicy', () => {
  test('puts the meta tag right after the charset, before any script', () => {
    const html = '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><script>a()</script></head><body></body></html>';
    expect(withPolicy(html)).toMatch(
      /^<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src[^"]*"><script>a\(\)<\/script>/,
    );
  });

  test('is idempotent', () => {
    const once = withPolicy('<html><head></head><body></body></html>');
    expect(withPolicy(once)).toBe(once);
  });

  test.each([
    ['<button onclick="x()">', true],
    ['<img src=x onerror=alert(1)>', true],
    ['<p data-once="1" class="online">', false],
  ])('finds inline handlers in %s', (html, expected) => {
    expect(hasInlineHandlers(html)).toBe(expected);
  });
});
