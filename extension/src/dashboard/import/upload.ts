import type { ApiResult } from '../../platform/api/client.ts';

/** A chunk a request: under the API's 1 MB body limit once in base64 (the server takes ≤ 512 KiB). */
export const CHUNK_BYTES = 512 * 1024;

/** The byte ranges of a file sent one request each. */
export function chunksOf(size: number, chunk = CHUNK_BYTES): { offset: number; end: number }[] {
  const out: { offset: number; end: number }[] = [];
  for (let offset = 0; offset < size; offset += chunk) out.push({ offset, end: Math.min(size, offset + chunk) });
  return out;
}

/** Base64 of bytes, built in slices: one String.fromCharCode over 512 KiB overflows the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface Uploader {
  startUpload: (filename: string, size: number) => Promise<ApiResult<{ uploadId: number }>>;
  appendUpload: (uploadId: number, offset: number, data: string) => Promise<ApiResult<{ received: number }>>;
}

/**
 * Sends a chosen file to the server as a chunked upload; its id is what the previews and the
 * commit name. `onProgress` gets the share sent (0–1).
 */
export async function uploadFile(
  api: Uploader,
  file: { name: string; size: number; arrayBuffer: () => Promise<ArrayBuffer> },
  onProgress: (share: number) => void = () => {},
): Promise<ApiResult<number>> {
  const started = await api.startUpload(file.name, file.size);
  if (!started.ok) return started;
  const bytes = new Uint8Array(await file.arrayBuffer());
  for (const { offset, end } of chunksOf(bytes.length)) {
    const r = await api.appendUpload(started.value.uploadId, offset, toBase64(bytes.subarray(offset, end)));
    if (!r.ok) return r;
    onProgress(end / bytes.length);
  }
  return { ok: true, status: 201, value: started.value.uploadId };
}

/** The files the import reads, as the file chooser offers them. */
export const ACCEPTED =
  '.csv,.xlsx,.xls,.vcf,.vcard,text/csv,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';
