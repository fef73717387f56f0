import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, chunksOf, toBase64, uploadFile } from './upload.ts';

describe('chunksOf', () => {
  it('cuts a file into ranges of at most a chunk', () => {
    expect(chunksOf(10, 4)).toEqual([
      { offset: 0, end: 4 },
      { offset: 4, end: 8 },
      { offset: 8, end: 10 },
    ]);
    expect(chunksOf(0)).toEqual([]);
  });
});

describe('toBase64', () => {
  it('encodes large inputs without overflowing the stack', () => {
    const bytes = new Uint8Array(CHUNK_BYTES).map((_, i) => i % 251);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('uploadFile', () => {
  it('starts an upload and sends each chunk at its offset', async () => {
    const sent: [number, number, string][] = [];
    const bytes = new Uint8Array(CHUNK_BYTES + 3).fill(65);
    const progress: number[] = [];
    const r = await uploadFile(
      {
        startUpload: async () => ({ ok: true, status: 201, value: { uploadId: 7 } }),
        appendUpload: async (id, offset, data) => {
          sent.push([id, offset, data.slice(0, 4)]);
          return { ok: true, status: 200, value: { received: offset } };
        },
      },
      { name: 'book.xlsx', size: bytes.length, arrayBuffer: async () => bytes.buffer },
      (s) => progress.push(s),
    );
    expect(r).toEqual({ ok: true, status: 201, value: 7 });
    expect(sent).toEqual([
      [7, 0, 'QUFB'],
      [7, CHUNK_BYTES, 'QUFB'],
    ]);
    expect(progress.at(-1)).toBe(1);
  });

  it('stops at the first refusal', async () => {
    const failure = { kind: 'http' as const, status: 413, code: 'payload_too_large', message: 'too big' };
    const r = await uploadFile(
      {
        startUpload: async () => ({ ok: false, failure }),
        appendUpload: async () => {
          throw new Error('not reached');
        },
      },
      { name: 'x.csv', size: 1, arrayBuffer: async () => new ArrayBuffer(1) },
    );
    expect(r).toEqual({ ok: false, failure });
  });
});
