/** Small, dependency-free HTML helpers for the extractor: visible text, attributes, entities. */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  copy: '©',
  bull: '•',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  rsquo: '’',
  lsquo: '‘',
  shy: '',
};

/** Decodes the HTML entities that occur in addresses and labels. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Replaces comments with spaces of the same length, so offsets into the page stay valid. */
export function blankComments(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** Visible text of an HTML fragment: scripts, styles and tags dropped, whitespace collapsed. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript|template|title)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/^[\s\S]*?<\/(?:script|style)\s*>/i, ' ')
      .replace(/<(script|style)\b[\s\S]*$/i, ' ')
      .replace(/<[^>]*>/g, ' ')
      // A fragment cut inside a tag: the tag's tail at the start, its head at the end.
      .replace(/^[^<]*>/, ' ')
      .replace(/<[^>]*$/, ' '),
  )
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

/** Attributes of one start tag (`<a href="…" title='…'>`), names lower-cased, values decoded. */
export function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  const body = tag.replace(/^<\s*[\w:-]+/, '').replace(/\/?>$/, '');
  const pattern = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    const name = match[1]!.toLowerCase();
    if (!(name in result)) result[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return result;
}

/** The words of a text, cut to `max` characters at a word boundary from the given side. */
export function clip(text: string, max: number, side: 'start' | 'end'): string {
  if (text.length <= max) return text;
  if (side === 'end') {
    const cut = text.slice(text.length - max);
    const space = cut.indexOf(' ');
    return `…${space > 0 && space < 20 ? cut.slice(space + 1) : cut}`;
  }
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max - 20 ? cut.slice(0, space) : cut}…`;
}
