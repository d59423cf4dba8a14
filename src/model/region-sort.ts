/**
 * The name a person looks a region up by: «Татарстан», not «Республика Татарстан»; «Якутия»
 * for «Республика Саха (Якутия)»; «Челябинская» for «Челябинская область». Lists of regions
 * are sorted and grouped by it, so Татарстан is under «Т» and Крым under «К». Pure.
 */
const TYPE_WORDS = /\s*(?:Народная\s+)?Республика\s*|\s*автономн(?:ая|ый)\s+(?:область|округ)\s*|\s*(?:область|край)\s*/giu;

/** The region's proper name for sorting and grouping. */
export function properName(name: string): string {
  const inBrackets = /\(([^)]+)\)/u.exec(name)?.[1];
  if (inBrackets) return inBrackets.trim();
  const main = name.split(/\s+—\s+/u)[0]!;
  const stripped = main.replace(TYPE_WORDS, ' ').replace(/\s+/gu, ' ').trim();
  return stripped || name;
}

const collator = new Intl.Collator('ru');

/** Regions sorted by proper name, then grouped by its first letter. */
export function regionsByLetter<T extends { name: string }>(regions: readonly T[]): Array<{ letter: string; regions: T[] }> {
  const sorted = [...regions].sort((a, b) => collator.compare(properName(a.name), properName(b.name)) || collator.compare(a.name, b.name));
  const groups: Array<{ letter: string; regions: T[] }> = [];
  for (const region of sorted) {
    const letter = properName(region.name)[0]!.toUpperCase();
    const last = groups.at(-1);
    if (last?.letter === letter) last.regions.push(region);
    else groups.push({ letter, regions: [region] });
  }
  return groups;
}
