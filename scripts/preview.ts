/** `npm run preview`: serves the built site from dist/ and prints its address. */
import { existsSync } from 'node:fs';
import { startStaticServer } from '../src/serve/static-server.ts';

if (!existsSync('dist/index.html')) {
  console.error('Сайт ещё не собран: выполните npm run build (или npm start)');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const { url } = await startStaticServer('dist', { port, host: process.env.HOST ?? '127.0.0.1', base: process.env.BASE_PATH ?? '/' });
console.log(`Госпаблики: сайт доступен по адресу ${url}`);
console.log('Остановить: Ctrl+C');
