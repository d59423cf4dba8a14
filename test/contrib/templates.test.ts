/** The issue forms and the pull-request template: valid GitHub form shape, typed fields, in step with the data. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ACCOUNT_ROLES, EVIDENCE_TYPES, ORGANIZATION_KINDS, PlatformsFile } from '../../src/schema/index.ts';
import { addAccountFormUrl } from '../../src/model/gaps.ts';

type Field = {
  type: string;
  id?: string;
  attributes: { label?: string; value?: string; options?: Array<string | { label: string }> };
  validations?: { required?: boolean };
};
type Form = { name: string; description: string; title?: string; body: Field[] };

const DIR = '.github/ISSUE_TEMPLATE';
const forms = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => [f, parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Form]),
);
const TYPES = new Set(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']);

test('both forms exist under their Russian names', () => {
  expect(
    Object.values(forms)
      .map((f) => f.name)
      .sort(),
  ).toEqual(['Добавить аккаунт', 'Сообщить об ошибке или подделке']);
});

describe.each(Object.entries(forms))('%s', (_, form) => {
  test('has the shape GitHub accepts: typed fields with unique ids and labels', () => {
    expect(form.description).toBeTruthy();
    const ids = form.body.filter((f) => f.type !== 'markdown').map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const field of form.body) {
      expect(TYPES.has(field.type), field.type).toBe(true);
      if (field.type === 'markdown') expect(field.attributes.value).toBeTruthy();
      else {
        expect(field.id).toMatch(/^[a-z_]+$/);
        expect(field.attributes.label).toBeTruthy();
      }
      if (field.type === 'dropdown' || field.type === 'checkboxes') expect(field.attributes.options!.length).toBeGreaterThan(0);
      // A dropdown option with «: » unquoted would parse as a mapping, and GitHub would refuse the form.
      if (field.type === 'dropdown')
        for (const option of field.attributes.options!) expect(typeof option, JSON.stringify(option)).toBe('string');
    }
  });

  test('asks for the account address, required', () => {
    const url = form.body.find((f) => f.id === 'url');
    expect(url).toMatchObject({ type: 'input', validations: { required: true } });
  });
});

describe('«Добавить аккаунт»', () => {
  const form = forms['add-account.yml']!;
  const options = (id: string) => (form.body.find((f) => f.id === id)!.attributes.options as string[]).join('\n');

  test('offers every platform of platforms.yaml', () => {
    const { platforms } = PlatformsFile.parse(parse(readFileSync('data/platforms.yaml', 'utf8')));
    for (const platform of platforms) expect(options('platform')).toContain(platform.name);
  });

  test('offers every evidence type by its id', () => {
    for (const type of EVIDENCE_TYPES) expect(options('evidence_type')).toContain(`(${type})`);
  });

  test('offers every organisation kind and account role by its code', () => {
    for (const kind of ORGANIZATION_KINDS) expect(options('kind')).toContain(`(${kind})`);
    for (const role of ACCOUNT_ROLES) expect(options('role')).toContain(`(${role})`);
  });

  test('the gaps page prefills only fields the form has, and the level with one of its options', () => {
    const url = new URL(
      addAccountFormUrl('https://github.com/a/b', {
        title: 't',
        url: 'u',
        platform: 'ВКонтакте',
        organization: 'o',
        organization_id: 'i',
        region: 'r',
        level: 'региональный',
      }),
    );
    const ids = new Set(form.body.map((f) => f.id));
    for (const key of url.searchParams.keys()) if (key !== 'template' && key !== 'title') expect(ids.has(key), key).toBe(true);
    expect(options('level').split('\n')).toContain('региональный');
  });

  test('requires the evidence page and date', () => {
    for (const id of ['evidence_url', 'evidence_date', 'evidence_type', 'organization', 'region']) {
      expect(form.body.find((f) => f.id === id)?.validations?.required, id).toBe(true);
    }
  });
});

test('the pull-request template is a short checklist', () => {
  const template = readFileSync('.github/pull_request_template.md', 'utf8');
  const items = template.split('\n').filter((line) => line.startsWith('- [ ] '));
  expect(items.length).toBeGreaterThanOrEqual(3);
  expect(items.length).toBeLessThanOrEqual(6);
  expect(template).toContain('npm run validate');
  expect(template).toContain('CONTRIBUTING.md');
});
