/**
 * `npm run fits -- dist [github|gitlab|cloudflare …]`: does the built site fit the static
 * hosts' limits (src/bench/host-limits.ts)? Prints the size, file count and largest file;
 * exits with 1 and a Russian explanation if the site would not fit one of the named hosts
 * (all of them when none is named). The deploy workflow runs it before uploading.
 */
import { existsSync } from 'node:fs';
import { fitsHosts, HOST_LIMITS } from '../src/bench/host-limits.ts';
import { outputStats } from '../src/bench/measure-fs.ts';

const [dir = 'dist', ...names] = process.argv.slice(2);
if (!existsSync(dir)) {
  console.error(`Папки ${dir} нет: сначала соберите сайт (npm run build).`);
  process.exit(1);
}
const unknown = names.filter((n) => !HOST_LIMITS.some((h) => h.id === n));
if (unknown.length > 0) {
  console.error(`Неизвестная площадка: ${unknown.join(', ')}. Известны: ${HOST_LIMITS.map((h) => h.id).join(', ')}.`);
  process.exit(1);
}
const hosts = names.length ? HOST_LIMITS.filter((h) => names.includes(h.id)) : HOST_LIMITS;
const site = outputStats(dir);
console.log(
  `${dir}: ${(site.bytes / 1024 ** 2).toFixed(1)} МБ, ${site.files} файлов, крупнейший файл ${site.largestFile.file} — ${(site.largestFile.bytes / 1024 ** 2).toFixed(1)} МБ`,
);
let failed = false;
for (const { host, reasons } of fitsHosts(site, hosts)) {
  if (reasons.length === 0) console.log(`${host.name}: помещается`);
  else {
    failed = true;
    console.error(
      `${host.name}: не помещается — ${reasons.join('; ')}. Уменьшите сайт (например, число или размер выгрузок) и соберите заново.`,
    );
  }
}
process.exit(failed ? 1 : 0);
