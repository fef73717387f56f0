import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test-utils.ts';
import { upload } from './test-helpers.ts';

// What the dashboard's import screen reads beyond counts: every row by name with what the
// commit will do, and a report naming each row's file.
const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures/contact-exports');

describe('the import screen’s preview and report', () => {
  it('an uploaded workbook: every row by name and action in the preview, the same in the report', async () => {
    const t = makeTestApp('2026-12-06T02:00:00.000Z');
    const uploadId = await upload(t, 'account-manager-book.xlsx', readFileSync(join(dir, 'account-manager-book.xlsx')));
    const preview = await t.request('POST', '/api/import/preview', { file: { uploadId } });
    expect(preview.status).toBe(200);
    expect(preview.json.rows).toHaveLength(6);
    expect(preview.json.rows[0]).toEqual({ row: 3, action: 'create', name: '徐州恒达置业有限公司' });
    expect(preview.json.rows[1]).toEqual({ row: 4, action: 'merge', name: '徐州恒达置业有限公司' });
    const commit = await t.request('POST', '/api/import/commit', { file: { uploadId }, idempotencyKey: 'screen-1234' });
    expect(commit.status).toBe(201);
    expect(commit.json.rows.map((r: { name?: string; outcome: string }) => [r.name, r.outcome])).toEqual(
      preview.json.rows.map((r: { name?: string; action: string }) => [r.name, `${r.action}d`]),
    );
    // An upload, a preview and a commit: past the default 5 s on a busy machine or on PostgreSQL.
  }, 30_000);

  it('a person without a company has no name of a file, and is listed with the person', async () => {
    const t = makeTestApp('2026-12-06T02:00:00.000Z');
    const data = readFileSync(join(dir, 'google-contacts.csv')).toString('base64');
    const preview = await t.request('POST', '/api/import/preview', { file: { filename: 'google-contacts.csv', data } });
    expect(preview.json.rows.find((r: { action: string }) => r.action === 'unplaced')).toEqual({
      row: 5,
      action: 'unplaced',
    });
  });
});
