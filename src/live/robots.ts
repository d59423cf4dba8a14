/**
 * robots.txt, read as RFC 9309 says: records of user-agent lines followed by rules; the
 * group whose user-agent is the longest match of our product token wins (else `*`); within
 * it the longest matching rule wins, and Allow wins a tie. `*` and `$` in paths are honoured.
 * Pure: text in, decisions out.
 */

export type RobotsRule = { allow: boolean; path: string };
export type RobotsGroup = { agents: string[]; rules: RobotsRule[]; crawlDelay?: number };
export type Robots = { groups: RobotsGroup[] };

/** Parses a robots.txt body; unknown lines are ignored, as the standard asks. */
export function parseRobots(text: string): Robots {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  let lastWasAgent = false;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === 'allow' || field === 'disallow') {
      // An empty Disallow allows everything: it adds no rule.
      if (value) current.rules.push({ allow: field === 'allow', path: value });
    } else if (field === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelay = seconds;
    }
  }
  return { groups };
}

/** The groups that apply to a product token (e.g. `GospablikiBot`): the most specific agent match, or `*`. */
export function groupsFor(robots: Robots, token: string): RobotsGroup[] {
  const name = token.toLowerCase();
  let best = -1;
  let chosen: RobotsGroup[] = [];
  for (const group of robots.groups) {
    for (const agent of group.agents) {
      if (agent === '*' || !name.startsWith(agent)) continue;
      if (agent.length > best) {
        best = agent.length;
        chosen = [group];
      } else if (agent.length === best && !chosen.includes(group)) chosen.push(group);
    }
  }
  if (chosen.length) return chosen;
  return robots.groups.filter((group) => group.agents.includes('*'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a rule path (with `*` and a final `$`) matches the path and query. */
export function ruleMatches(rulePath: string, target: string): boolean {
  const anchored = rulePath.endsWith('$');
  const body = anchored ? rulePath.slice(0, -1) : rulePath;
  const pattern = body.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${pattern}${anchored ? '$' : ''}`).test(target);
}

function normalizeTarget(target: string): string {
  // Compare percent-encoded forms: a rule may be written either way.
  try {
    return encodeURI(decodeURI(target));
  } catch {
    return target;
  }
}

/** Whether the token may fetch the path (pathname + search). `/robots.txt` itself is always allowed. */
export function isAllowed(robots: Robots, token: string, target: string): boolean {
  if (target === '/robots.txt') return true;
  const path = normalizeTarget(target || '/');
  let winner: RobotsRule | null = null;
  for (const group of groupsFor(robots, token)) {
    for (const rule of group.rules) {
      const rulePath = normalizeTarget(rule.path);
      if (!ruleMatches(rulePath, path)) continue;
      const length = rulePath.length;
      if (!winner || length > winner.path.length || (length === winner.path.length && rule.allow && !winner.allow)) {
        winner = { allow: rule.allow, path: rulePath };
      }
    }
  }
  return winner ? winner.allow : true;
}

/** The Crawl-delay of the applicable groups, in seconds (the largest when several). */
export function crawlDelay(robots: Robots, token: string): number | undefined {
  const delays = groupsFor(robots, token)
    .map((g) => g.crawlDelay)
    .filter((d): d is number => d !== undefined);
  return delays.length ? Math.max(...delays) : undefined;
}
