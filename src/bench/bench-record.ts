/**
 * The bench's figures for one scale in the shape `--json` writes (the contract):
 * `{scale, organizations, accounts, validate: {seconds, peak_mb}, build: {seconds, peak_mb},
 * files, bytes, largest_file_bytes, check_found_bytes, check_missing_bytes,
 * first_search_bytes}`. Lookup figures are the worst of the sampled lookups. Pure.
 */
export type BenchScale = {
  scale: number;
  organizations: number;
  accounts: number;
  validate: { seconds: number; peak_mb: number };
  build: { seconds: number; peak_mb: number };
  files: number;
  bytes: number;
  largest_file_bytes: number;
  check_found_bytes: number;
  check_missing_bytes: number;
  first_search_bytes: number;
};

type PhaseFigures = { ms: number; peakMb: number; tree?: { peakMb: number } | null; [key: string]: unknown };

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
/** Peak of every process of the phase together when /proc could be read, else the phase's own. */
const peak = (f: PhaseFigures) => Math.round(f.tree?.peakMb ?? f.peakMb);

export function benchRecord(scale: number, validate: PhaseFigures, build: PhaseFigures): BenchScale {
  const check = (build.check ?? []) as Array<{ label: string; bytes: number }>;
  const worst = (prefix: string) => check.filter((c) => c.label.startsWith(prefix)).reduce((m, c) => Math.max(m, c.bytes), 0);
  const output = build.output as { files: number; bytes: number; largestFile: { bytes: number } };
  return {
    scale,
    organizations: validate.organizations as number,
    accounts: validate.accounts as number,
    validate: { seconds: round(validate.ms / 1000), peak_mb: peak(validate) },
    build: { seconds: round((build.buildMs as number) / 1000), peak_mb: peak(build) },
    files: output.files,
    bytes: output.bytes,
    largest_file_bytes: output.largestFile.bytes,
    check_found_bytes: worst('найден'),
    check_missing_bytes: worst('нет в реестре'),
    first_search_bytes: (build.search as { bytes: number }).bytes,
  };
}
