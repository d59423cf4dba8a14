/**
 * A streaming ZIP writer on Node's own zlib, for the XLSX download: entries are deflated
 * chunk by chunk (each chunk a run of non-final deflate blocks, the entry closed by an
 * empty final block), so a sheet of hundreds of megabytes of XML never sits in memory,
 * and the compressed size of the file is known at every moment, which lets the writer cut
 * workbooks at the hosting limit exactly. No ZIP64: every file stays far below 4 GiB.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

type Entry = { name: Buffer; offset: number; crc: number; compressed: number; size: number };

const LOCAL_HEADER = 30;
const DATA_DESCRIPTOR = 16;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
/** DOS date and time of 1980-01-01 00:00, so the same data gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0808;
/** An empty final deflate block: it ends the stream of non-final blocks that the chunks wrote. */
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

export class ZipWriter {
  private fd: number;
  private offset = 0;
  private readonly entries: Entry[] = [];
  private current: Entry | undefined;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  /** Bytes of the archive so far, as it would be if closed now without the central directory. */
  get bytes(): number {
    return this.offset;
  }

  /** Bytes that closing adds: the central directory for the entries so far and `more` entries to come. */
  closingBytes(more: Array<{ name: string }> = []): number {
    const names = [...this.entries, ...(this.current ? [this.current] : [])]
      .map((e) => e.name.length)
      .concat(more.map((m) => Buffer.byteLength(m.name)));
    return names.reduce((sum, n) => sum + CENTRAL_HEADER + n, END_RECORD) + (this.current ? FINAL_BLOCK.length + DATA_DESCRIPTOR : 0);
  }

  private put(bytes: Buffer): void {
    writeSync(this.fd, bytes);
    this.offset += bytes.length;
  }

  begin(name: string): void {
    if (this.current) this.end();
    const entry: Entry = { name: Buffer.from(name), offset: this.offset, crc: 0, compressed: 0, size: 0 };
    const header = Buffer.alloc(LOCAL_HEADER);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt16LE(entry.name.length, 26);
    this.put(header);
    this.put(entry.name);
    this.current = entry;
  }

  /** Bytes that a whole small entry of `text` adds to an archive (headers, data, descriptor). */
  static entryBytes(name: string, text: string): number {
    return LOCAL_HEADER + Buffer.byteLength(name) + ZipWriter.deflate(text).deflated.length + FINAL_BLOCK.length + DATA_DESCRIPTOR;
  }

  /** Deflates a chunk of the current entry without finishing the stream. */
  static deflate(text: string): { raw: Buffer; deflated: Buffer } {
    const raw = Buffer.from(text);
    return { raw, deflated: deflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }) };
  }

  /** `deflate` on libuv's thread pool, so that this thread can go on meanwhile. */
  static deflateAsync(raw: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) =>
      deflateRaw(raw, { finishFlush: constants.Z_SYNC_FLUSH }, (error, deflated) => (error ? reject(error) : resolve(deflated))),
    );
  }

  /** Appends a chunk deflated by `deflate` to the current entry. */
  writeDeflated(chunk: { raw: Buffer; deflated: Buffer }): void {
    const entry = this.current!;
    entry.crc = crc32(chunk.raw, entry.crc);
    entry.size += chunk.raw.length;
    entry.compressed += chunk.deflated.length;
    this.put(chunk.deflated);
  }

  write(text: string): void {
    this.writeDeflated(ZipWriter.deflate(text));
  }

  end(): void {
    const entry = this.current;
    if (!entry) return;
    entry.compressed += FINAL_BLOCK.length;
    this.put(FINAL_BLOCK);
    const descriptor = Buffer.alloc(DATA_DESCRIPTOR);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    this.put(descriptor);
    this.entries.push(entry);
    this.current = undefined;
  }

  /** Writes the central directory and closes the file; returns the archive's size. */
  close(): number {
    this.end();
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(CENTRAL_HEADER);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(8, 10);
      header.writeUInt16LE(DOS_TIME, 12);
      header.writeUInt16LE(DOS_DATE, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressed, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(entry.offset, 42);
      this.put(header);
      this.put(entry.name);
    }
    const end = Buffer.alloc(END_RECORD);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.put(end);
    closeSync(this.fd);
    return this.offset;
  }
}
