import { createInflateRaw } from 'node:zlib';
import { ApiError } from '../../lib/errors.ts';

/**
 * The entries of a zip (an XLSX is one), read from its central directory before anything is
 * inflated, so a bomb is refused by its declared sizes; while inflating, an entry that yields
 * more than it declared is refused too (the directory can lie).
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the compressed bytes start in the file. */
  dataStart: number;
}

export interface ZipLimits {
  /** At most this many entries. */
  entries: number;
  /** At most this many bytes once inflated, all entries together. */
  totalBytes: number;
  /** Entries over 1 MB may inflate to at most this many times their compressed size. */
  ratio: number;
}

/** A refusal of a file too big to read: 413 with the machine-readable reason in details.code. */
export const tooLarge = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new ApiError('payload_too_large', message, { code, ...details });
/** A file that is not what it claims: 400 with the reason in details.code. */
export const unreadable = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new ApiError('invalid_request', message, { code, ...details });

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function readZipDirectory(buf: Buffer, limits: ZipLimits): Map<string, ZipEntry> {
  const broken = (why: string) => unreadable('zip_corrupt', `not a readable .xlsx file (${why})`);
  // The end record sits in the last 22 bytes plus at most a 65,535-byte comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken('no central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw tooLarge('zip64', 'a ZIP64 workbook is larger than any customer list this server reads');
  }
  if (count > limits.entries) {
    throw tooLarge('zip_entries', `the workbook has ${count} parts; at most ${limits.entries} are read`, {
      limit: limits.entries,
    });
  }
  if (cdOffset + cdSize > eocd) throw broken('central directory out of bounds');
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw broken('bad directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw unreadable('zip_encrypted', 'the workbook is password-protected; save it without a password');
    if (method !== 0 && method !== 8) throw broken(`compression method ${method}`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw broken(`no local header for ${name}`);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataStart + compressedSize > buf.length) throw broken(`${name} runs past the end of the file`);
    if (method === 0 && size !== compressedSize) throw broken(`${name} has inconsistent sizes`);
    total += size;
    if (total > limits.totalBytes) {
      throw tooLarge(
        'unzipped_too_large',
        `the workbook unpacks to more than ${Math.round(limits.totalBytes / 2 ** 20)} MB; split it into smaller files`,
        { limit: limits.totalBytes },
      );
    }
    if (size > 2 ** 20 && size > compressedSize * limits.ratio) {
      throw tooLarge('zip_ratio', `${name} unpacks to ${Math.round(size / compressedSize)}× its size: refused`, {
        entry: name,
        limit: limits.ratio,
      });
    }
    if (!entries.has(name)) entries.set(name, { name, method, compressedSize, size, dataStart });
  }
  return entries;
}

/**
 * An entry's bytes as they inflate, a piece at a time; stopping early (break) stops inflating.
 * More bytes than the directory declared is a lie, and refused at the first byte over.
 */
export async function* inflateEntry(buf: Buffer, e: ZipEntry): AsyncGenerator<Buffer> {
  const raw = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) {
    for (let i = 0; i < raw.length; i += 1 << 16) yield raw.subarray(i, i + (1 << 16));
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 1 << 16 });
  let out = 0;
  try {
    inflater.end(raw);
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > e.size) {
        throw unreadable('zip_size_mismatch', `${e.name} unpacks to more than its declared ${e.size} bytes: refused`, {
          entry: e.name,
        });
      }
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw unreadable('zip_corrupt', `not a readable .xlsx file (${e.name}: ${(err as Error).message})`);
  } finally {
    inflater.destroy();
  }
}

/** A whole (small) entry as text, e.g. workbook.xml; capped at `max` bytes. */
export async function entryText(buf: Buffer, e: ZipEntry, max: number): Promise<string> {
  if (e.size > max) {
    throw tooLarge('part_too_large', `${e.name} is larger than ${Math.round(max / 2 ** 20)} MB`, { entry: e.name });
  }
  const parts: Buffer[] = [];
  for await (const chunk of inflateEntry(buf, e)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
