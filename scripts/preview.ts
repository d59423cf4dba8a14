/** `npm run preview`: serves the built site from dist/ (or PREVIEW_DIR) and prints its address. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startPreview } from '../src/serve/preview.ts';

const root = process.env.PREVIEW_DIR ?? 'dist';
if (!existsSync(path.join(root, 'index.html'))) {
  console.error('Сайт ещё не собран: выполните npm run build (или npm start)');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT=${process.env.PORT} — не номер порта: укажите число от 1 до 65535, например PORT=8080 npm run preview`);
  process.exit(1);
}
const result = await startPreview({ root, port, host: process.env.HOST ?? '127.0.0.1', base: process.env.BASE_PATH ?? '/' });
for (const line of result.lines) (result.ok ? console.log : console.error)(line);
if (!result.ok) process.exit(1);
