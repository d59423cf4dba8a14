/**
 * Writing files the hosts accept: a text table streamed into parts of at most a limit
 * (so that no file passes the host's size cap), a binary file cut into numbered byte
 * parts, each file measured and hashed while it is written.
 */
import { createHash, type Hash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { WrittenFile } from './datapackage.ts';

/** Rows are written in chunks of about this size (or an eighth of the limit, whichever is less). */
export const CHUNK_BYTES = 1 << 20;

export type PartFraming = {
  /** Written at the start of the first part only (a CSV header): the parts concatenate into one file. */
  head: string;
  /** Between two rows. */
  separator: string;
  /** At the end of every part (a line break, so the next part starts a new line). */
  tail: string;
};

/**
 * Writes one text table as parts of at most `limit` bytes. Parts are named `name.ext`, or
 * `name-01.ext`, `name-02.ext`… once a second one is needed (two digits, so a shell glob
 * lists them in order); `cat` of the parts gives the whole table. With `gzip`, every
 * chunk is its own gzip member and the limit counts compressed bytes: the parts, joined,
 * are one valid gzip stream of the whole table (`cat accounts-*.csv.gz | gunzip`).
 */
export class PartWriter {
  readonly files: WrittenFile[] = [];
  private fd = -1;
  private hash: Hash | undefined;
  private size = 0;
  private rowsInPart = 0;
  private pending: string[] = [];
  private pendingBytes = 0;
  private readonly root: string;
  private readonly base: string;
  private readonly ext: string;
  private readonly limit: number;
  private readonly framing: PartFraming;
  private readonly gzip: boolean;

  constructor(root: string, relative: string, limit: number, framing: PartFraming, options: { gzip?: boolean } = {}) {
    this.root = root;
    this.gzip = options.gzip ?? false;
    const name = this.gzip ? `${relative}.gz` : relative;
    this.ext = this.gzip ? `${path.extname(relative)}.gz` : path.extname(relative);
    this.base = name.slice(0, -this.ext.length);
    this.limit = limit;
    this.framing = framing;
  }

  private encode(text: string): Buffer {
    return this.gzip ? gzipSync(text) : Buffer.from(text);
  }

  private partPath(n: number | null): string {
    return `${this.base}${n === null ? '' : `-${String(n).padStart(2, '0')}`}${this.ext}`;
  }

  private open(): void {
    const n = this.files.length + 1;
    if (n === 2) {
      const first = this.files[0]!;
      const renamed = this.partPath(1);
      renameSync(path.join(this.root, first.path), path.join(this.root, renamed));
      first.path = renamed;
    }
    const relative = this.partPath(n === 1 ? null : n);
    mkdirSync(path.dirname(path.join(this.root, relative)), { recursive: true });
    this.fd = openSync(path.join(this.root, relative), 'w');
    this.hash = createHash('sha256');
    this.size = 0;
    this.rowsInPart = 0;
    this.files.push({ path: relative, bytes: 0, sha256: '' });
    if (n === 1) this.emit(this.framing.head);
  }

  private emit(text: string): void {
    if (text) this.put(this.encode(text));
  }

  private put(bytes: Buffer): void {
    writeSync(this.fd, bytes);
    this.hash!.update(bytes);
    this.size += bytes.length;
  }

  private close(): void {
    if (this.rowsInPart > 0) this.emit(this.framing.tail);
    closeSync(this.fd);
    const file = this.files.at(-1)!;
    file.bytes = this.size;
    file.sha256 = this.hash!.digest('hex');
    this.fd = -1;
  }

  private flush(final: boolean): void {
    if (this.fd === -1) this.open();
    if (this.pending.length > 0) {
      const body = this.pending.join(this.framing.separator);
      // Room for the footer (a gzip member of a few bytes has some 20 bytes of framing).
      const reserve = Buffer.byteLength(this.framing.tail) + (this.gzip ? 64 : 0);
      let bytes = this.encode(this.rowsInPart > 0 ? this.framing.separator + body : body);
      if (this.rowsInPart > 0 && this.size + bytes.length + reserve > this.limit) {
        this.close();
        this.open();
        bytes = this.encode(body);
      }
      this.put(bytes);
      this.rowsInPart += this.pending.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    if (final) this.close();
  }

  row(text: string): void {
    this.pending.push(text);
    this.pendingBytes += Buffer.byteLength(text);
    // Chunks are a small share of the limit, so a part is closed before it would overflow.
    if (this.pendingBytes >= Math.min(CHUNK_BYTES, this.limit / 8)) this.flush(false);
  }

  end(): WrittenFile[] {
    this.flush(true);
    return this.files;
  }
}

export function hashFile(root: string, relative: string): WrittenFile {
  const bytes = readFileSync(path.join(root, relative));
  return { path: relative, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function hashFileStreaming(root: string, relative: string): Promise<WrittenFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path.join(root, relative))) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path: relative, bytes, sha256: hash.digest('hex') };
}

/** Writes a small file and returns it measured. */
export function writeHashed(root: string, relative: string, text: string): WrittenFile {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), text);
  return hashFile(root, relative);
}

/** Splits a large file into numbered byte parts (`file.001`…), which `cat` joins back. */
export async function splitFile(root: string, relative: string, limit: number): Promise<WrittenFile[]> {
  const size = statSync(path.join(root, relative)).size;
  if (size <= limit) return [await hashFileStreaming(root, relative)];
  const parts: WrittenFile[] = [];
  const source = openSync(path.join(root, relative), 'r');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let offset = 0;
  for (let n = 1; offset < size; n++) {
    const part = `${relative}.${String(n).padStart(3, '0')}`;
    const fd = openSync(path.join(root, part), 'w');
    const hash = createHash('sha256');
    let written = 0;
    while (written < limit && offset < size) {
      const read = readSync(source, buffer, 0, Math.min(CHUNK_BYTES, limit - written), offset);
      writeSync(fd, buffer.subarray(0, read));
      hash.update(buffer.subarray(0, read));
      written += read;
      offset += read;
    }
    closeSync(fd);
    parts.push({ path: part, bytes: written, sha256: hash.digest('hex') });
  }
  closeSync(source);
  rmSync(path.join(root, relative));
  return parts;
}
