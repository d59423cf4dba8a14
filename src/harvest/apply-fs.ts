/**
 * Writes proposals into the data files through the same writer as `npm run add` (comments
 * and canonical form kept), then re-validates: if the batch adds a single error, every file
 * is put back as it was. Nothing is ever removed. Used by harvest and verify.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listDataFiles, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import type { Dataset } from '../dataset/dataset.ts';
import type { Issue } from '../dataset/issues.ts';
import { schemaFor } from '../dataset/load-dataset.ts';
import { planAdd, type AccountEntry, type AddRequest } from '../contrib/add-plan.ts';
import { appendEvidence, insertEntry } from '../contrib/add-write.ts';
import { expectedModeline, newRegionFileText } from '../contrib/modeline.ts';
import { formatIssueLine } from '../report/format-issues.ts';

export type EvidenceRecord = Record<string, unknown> & { type: string; url: string; date: string };

export type Write =
  | { kind: 'evidence'; organizationId: string; accountUrl: string; evidence: EvidenceRecord }
  | { kind: 'account'; organizationId: string; url: string; evidence: EvidenceRecord }
  | {
      kind: 'organization';
      region: string | null;
      name: string;
      orgKind: string;
      level: string;
      municipality?: string;
      website: string;
      accounts: Array<{ url: string; evidence: EvidenceRecord }>;
    };

export type ApplyResult = { written: Array<{ file: string; line: number; what: string }>; errors: string[]; reverted: boolean };

function label(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
}

function requestFor(url: string, evidence: EvidenceRecord): AddRequest {
  return {
    url,
    evidenceUrl: evidence.url,
    evidenceType: evidence.type,
    evidenceDate: evidence.date,
    evidenceDateKind: typeof evidence.date_kind === 'string' ? evidence.date_kind : undefined,
    note: typeof evidence.note === 'string' ? evidence.note : undefined,
  };
}

/** Fields of the evidence that `npm run add`'s request has no flag for (research_note, mark). */
function extraEvidenceFields(evidence: EvidenceRecord): Record<string, unknown> {
  const { type: _t, url: _u, date: _d, date_kind: _k, note: _n, ...rest } = evidence;
  return rest;
}

const issueKey = (issue: Issue) => `${issue.file}|${issue.rule}|${issue.path}|${issue.message}`;

/** Applies the writes to the data folder. */
export function applyWrites(dir: string, dataset: Dataset, before: readonly Issue[], writes: readonly Write[], today: string): ApplyResult {
  const files = listDataFiles(dir);
  const texts = new Map<string, string>();
  const originals = new Map<string, string | null>();
  const result: ApplyResult = { written: [], errors: [], reverted: false };
  const textOf = (absolute: string, create: () => string) => {
    if (!texts.has(absolute)) {
      const original = existsSync(absolute) ? readFileSync(absolute, 'utf8') : null;
      originals.set(absolute, original);
      texts.set(absolute, original ?? create());
    }
    return texts.get(absolute)!;
  };
  for (const write of writes) {
    if (write.kind === 'evidence') {
      const organization = dataset.organizations.find((o) => o.id === write.organizationId)!;
      const absolute = path.resolve(organization.origin.file);
      const done = appendEvidence(
        textOf(absolute, () => ''),
        { file: organization.origin.file, organizationId: write.organizationId, accountUrl: write.accountUrl },
        write.evidence,
        schemaFor(organization.region === null ? 'federal' : 'region'),
      );
      if (!done.ok) result.errors.push(done.error);
      else {
        texts.set(absolute, done.text);
        result.written.push({ file: organization.origin.file, line: done.line, what: `подтверждение для ${write.accountUrl}` });
      }
      continue;
    }
    const first = write.kind === 'account' ? { url: write.url, evidence: write.evidence } : write.accounts[0]!;
    const request: AddRequest =
      write.kind === 'account'
        ? { ...requestFor(first.url, first.evidence), org: write.organizationId }
        : {
            ...requestFor(first.url, first.evidence),
            region: write.region ?? undefined,
            name: write.name,
            kind: write.orgKind,
            level: write.level,
            municipality: write.municipality,
            website: write.website,
          };
    const planned = planAdd(dataset, files, label(dir), request, today);
    if (!planned.ok) {
      result.errors.push(...planned.errors.map((error) => `${first.url}: ${error}`));
      continue;
    }
    const { plan } = planned;
    Object.assign(plan.account.evidence[0]!, extraEvidenceFields(first.evidence));
    if (write.kind === 'organization' && plan.organization.kind === 'new') {
      for (const more of write.accounts.slice(1)) {
        const extra = planAdd(
          dataset,
          files,
          label(dir),
          { ...requestFor(more.url, more.evidence), region: request.region, name: request.name, kind: request.kind, level: request.level },
          today,
        );
        if (extra.ok) {
          Object.assign(extra.plan.account.evidence[0]!, extraEvidenceFields(more.evidence));
          plan.organization.entry.accounts.push(extra.plan.account as AccountEntry);
        } else result.errors.push(...extra.errors.map((error) => `${more.url}: ${error}`));
      }
    }
    const absolute = path.resolve(plan.file);
    const relative = path.relative(dir, absolute).split(path.sep).join('/');
    const source = textOf(absolute, () =>
      plan.createFile ? newRegionFileText(relative, plan.createFile) : `${expectedModeline(relative, 'federal')}\norganizations: []\n`,
    );
    const done = insertEntry(source, plan, schemaFor(plan.role));
    if (!done.ok) result.errors.push(done.error);
    else {
      texts.set(absolute, done.text);
      result.written.push({
        file: plan.file,
        line: done.line,
        what:
          plan.organization.kind === 'new'
            ? `новая организация «${plan.organization.entry.name}» с ${plan.organization.entry.accounts.length} аккаунт(ами)`
            : `аккаунт ${plan.canonical.url}`,
      });
    }
  }
  if (!result.written.length) return result;
  for (const [absolute, text] of texts) {
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  const after = loadDatasetFromDir(dir, { today });
  const known = new Set(before.map(issueKey));
  const added = after.issues.filter((issue) => issue.severity === 'error' && !known.has(issueKey(issue)));
  if (added.length) {
    for (const [absolute, original] of originals) {
      if (original === null) rmSync(absolute);
      else writeFileSync(absolute, original);
    }
    result.reverted = true;
    result.errors.push('Предложения не записаны: после них данные не проходят проверку.', ...added.map(formatIssueLine));
  }
  return result;
}
