import { describe, expect, test } from 'vitest';
import { crawlDelay, groupsFor, isAllowed, parseRobots } from '../../src/live/robots.ts';

const TEXT = `# comment
User-agent: Googlebot
Disallow: /

User-agent: GospablikiBot
User-agent: OtherBot
Disallow: /private/
Allow: /private/open/
Disallow: /*.pdf$
Crawl-delay: 3

User-agent: *
Disallow: /search
Disallow: /admin/
`;

describe('robots.txt', () => {
  const robots = parseRobots(TEXT);
  test('the group naming our token wins over *', () => {
    expect(groupsFor(robots, 'GospablikiBot').map((g) => g.agents)).toEqual([['gospablikibot', 'otherbot']]);
    expect(isAllowed(robots, 'GospablikiBot', '/search')).toBe(true);
  });
  test.each([
    ['/private/secret', false],
    ['/private/open/page', true],
    ['/docs/file.pdf', false],
    ['/docs/file.pdf?x=1', true],
    ['/', true],
    ['/robots.txt', true],
  ])('%s → %s (longest match, Allow wins a tie)', (path, allowed) => {
    expect(isAllowed(robots, 'GospablikiBot', path)).toBe(allowed);
  });
  test('other agents fall back to *', () => {
    expect(isAllowed(robots, 'SomeBot', '/search?q=1')).toBe(false);
    expect(isAllowed(robots, 'SomeBot', '/private/x')).toBe(true);
  });
  test('tie between Allow and Disallow of the same length goes to Allow', () => {
    const tie = parseRobots('User-agent: *\nDisallow: /page\nAllow: /page\n');
    expect(isAllowed(tie, 'GospablikiBot', '/page')).toBe(true);
  });
  test('empty Disallow allows everything; Crawl-delay is read', () => {
    expect(isAllowed(parseRobots('User-agent: *\nDisallow:\n'), 'GospablikiBot', '/x')).toBe(true);
    expect(crawlDelay(robots, 'GospablikiBot')).toBe(3);
  });
});
