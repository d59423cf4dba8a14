/**
 * The first line of every data file tells YAML editors (VS Code with redhat.vscode-yaml,
 * JetBrains, Neovim) which JSON Schema describes it: completion, hover docs and inline errors.
 */
import type { DataFileRole } from '../dataset/load-dataset.ts';

/** JSON Schema file under data/schema/ for each role of a data file. */
export const SCHEMA_FILE_OF_ROLE: Record<Exclude<DataFileRole, 'unexpected'>, string> = {
  platforms: 'platforms.schema.json',
  regions: 'regions.schema.json',
  figures: 'figures.schema.json',
  federal: 'federal.schema.json',
  region: 'region-file.schema.json',
  policy: 'policy.schema.json',
};

/**
 * The modeline a data file must start with. `relative` is the file's path inside the data
 * folder with forward slashes (`regions/moskva.yaml`); the schema path is relative to it.
 */
export function expectedModeline(relative: string, role: Exclude<DataFileRole, 'unexpected'>): string {
  const depth = relative.split('/').length - 1;
  const prefix = depth === 0 ? './' : '../'.repeat(depth);
  return `# yaml-language-server: $schema=${prefix}schema/${SCHEMA_FILE_OF_ROLE[role]}`;
}

/** The text of a new region file: modeline, inclusion policy, and an empty list. */
export function newRegionFileText(relative: string, region: { id: string; name: string }): string {
  return [
    expectedModeline(relative, 'region'),
    `# ${region.name}: официальные страницы органов власти, местного самоуправления,`,
    '# подведомственных организаций и должностных лиц (не личные и не предвыборные).',
    '# У каждого аккаунта есть подтверждение (evidence). Правила: CONTRIBUTING.md.',
    '# Словарь данных: data/README.md. Добавить аккаунт: npm run add -- <ссылка>',
    `region: ${region.id}`,
    'organizations: []',
    '',
  ].join('\n');
}
