/**
 * The per-file half of loading: read one file's YAML, find invisible characters, validate
 * it against its role's schema. Nothing here looks at another file, so it can run on a
 * worker thread (prepare-workers.ts) exactly as on the main one; `loadPrepared` then
 * checks the rules that span files.
 */
import { z as zod } from 'zod';
import { FederalFile, FiguresFile, Organization, PlatformsFile, PolicyFile, RegionFile, RegionsFile } from '../schema/index.ts';
import type { Issue } from './issues.ts';
import { invisibleCharacters } from './invisible-strings.ts';
import type { DataFile, DataFileRole } from './load-dataset.ts';
import { parseYamlFile, type ParsedFile } from './yaml-source.ts';
import { zodIssueToIssues } from './zod-issues.ts';

export const SCHEMAS = {
  platforms: PlatformsFile,
  regions: RegionsFile,
  figures: FiguresFile,
  federal: FederalFile,
  region: RegionFile,
  policy: PolicyFile,
} as const;

export type PreparedRole = Exclude<DataFileRole, 'unexpected'>;

/**
 * One file read and validated: its located source, its own findings in the order found
 * (syntax, invisible characters, schema), and the schema's output, undefined when the file
 * could not be used. For files of organisations the output is the envelope with
 * `organizations: [{ index, value }]` holding the organisations that passed.
 */
export type PreparedFile = { parsed: ParsedFile; issues: Issue[]; value?: unknown };

/**
 * Files of organisations are checked one organisation at a time, so that a mistake in one
 * does not hide the cross-file findings of all the others.
 */
const ENVELOPES = {
  region: RegionFile.extend({ organizations: zod.array(zod.unknown()).default([]) }),
  federal: FederalFile.extend({ organizations: zod.array(zod.unknown()).default([]) }),
};

function validateFile(parsed: ParsedFile, role: PreparedRole): { value?: unknown; issues: Issue[] } {
  if (parsed.data === undefined) return { issues: [] };
  const schema = role === 'region' || role === 'federal' ? ENVELOPES[role] : SCHEMAS[role];
  const result = schema.safeParse(parsed.data);
  if (!result.success) return { issues: result.error.issues.flatMap((issue) => zodIssueToIssues(issue, parsed, schema)) };
  if (role !== 'region' && role !== 'federal') return { value: result.data, issues: [] };
  const envelope = result.data as { organizations: unknown[] };
  const issues: Issue[] = [];
  const organizations: Array<{ index: number; value: zod.infer<typeof Organization> }> = [];
  envelope.organizations.forEach((raw, index) => {
    const org = Organization.safeParse(raw);
    if (org.success) organizations.push({ index, value: org.data });
    else
      for (const issue of org.error.issues.flatMap((issue) => zodIssueToIssues(issue, parsed, Organization, ['organizations', index])))
        issues.push(issue);
  });
  return { value: { ...envelope, organizations }, issues };
}

/** Reads and validates one file. Never throws on bad data. */
export function prepareFile(file: DataFile & { role: PreparedRole }): PreparedFile {
  const parsed = parseYamlFile(file);
  const issues = [...parsed.issues, ...invisibleCharacters(parsed)];
  const { value, issues: schemaIssues } = validateFile(parsed, file.role);
  for (const issue of schemaIssues) issues.push(issue);
  // The raw tree is only needed to explain schema findings; drop it to halve memory.
  parsed.data = undefined;
  return { parsed, issues, value };
}
