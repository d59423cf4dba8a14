/**
 * What the static hosts the site may be published on accept, in one place: the bench's
 * "fits" column, `npm run fits` and the deploy workflow all read these. Pure.
 */
export type HostLimit = {
  id: string;
  name: string;
  /** Largest published site, bytes (null: no limit). */
  siteBytes: number | null;
  /** Most files in a site (null: no limit). */
  files: number | null;
  /** Largest single file, bytes (null: no limit). */
  fileBytes: number | null;
};

const GB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * GitHub Pages: published sites may be no larger than 1 GB; files over 100 MiB are refused
 * by git itself. GitLab Pages: 1 GB and 200,000 files. Cloudflare Pages: 20,000 files and
 * 25 MiB per file.
 */
export const HOST_LIMITS: readonly HostLimit[] = [
  { id: 'github', name: 'GitHub Pages', siteBytes: GB, files: null, fileBytes: 100 * MiB },
  { id: 'gitlab', name: 'GitLab Pages', siteBytes: GB, files: 200_000, fileBytes: null },
  { id: 'cloudflare', name: 'Cloudflare Pages', siteBytes: null, files: 20_000, fileBytes: 25 * MiB },
];

export type SiteSize = { bytes: number; files: number; largestFile: { file: string; bytes: number } };

const mb = (bytes: number) => `${(bytes / MiB).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;
const count = (n: number) => n.toLocaleString('ru-RU');

/** Why the site does not fit a host, in Russian; empty when it fits. */
export function overLimits(site: SiteSize, host: HostLimit): string[] {
  const reasons: string[] = [];
  if (host.siteBytes !== null && site.bytes > host.siteBytes)
    reasons.push(`сайт занимает ${mb(site.bytes)}, а ${host.name} принимает не больше ${mb(host.siteBytes)}`);
  if (host.files !== null && site.files > host.files)
    reasons.push(`в сайте ${count(site.files)} файлов, а ${host.name} принимает не больше ${count(host.files)}`);
  if (host.fileBytes !== null && site.largestFile.bytes > host.fileBytes)
    reasons.push(
      `файл ${site.largestFile.file} занимает ${mb(site.largestFile.bytes)}, а ${host.name} принимает файлы не больше ${mb(host.fileBytes)}`,
    );
  return reasons;
}

/** For each host: does the site fit, and if not, why. */
export function fitsHosts(site: SiteSize, hosts: readonly HostLimit[] = HOST_LIMITS): Array<{ host: HostLimit; reasons: string[] }> {
  return hosts.map((host) => ({ host, reasons: overLimits(site, host) }));
}

/** «GitHub Pages ✓, GitLab Pages ✓, Cloudflare Pages ✗» */
export function fitsSummary(site: SiteSize, hosts: readonly HostLimit[] = HOST_LIMITS): string {
  return fitsHosts(site, hosts)
    .map(({ host, reasons }) => `${host.name} ${reasons.length === 0 ? 'да' : 'нет'}`)
    .join(', ');
}
