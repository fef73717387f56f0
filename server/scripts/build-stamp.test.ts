import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceFingerprint, stampBuild, upToDate } from './build-stamp.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the extension is rebuilt only when its sources changed', () => {
  it('follows every source file but not the build output or installed packages', () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-stamp-'));
    dirs.push(root);
    const ext = join(root, 'extension');
    const out = join(ext, '.output', 'chrome-mv3');
    mkdirSync(join(ext, 'src'), { recursive: true });
    mkdirSync(out, { recursive: true });
    mkdirSync(join(ext, 'node_modules'), { recursive: true });
    writeFileSync(join(ext, 'src', 'a.ts'), 'one');
    const first = sourceFingerprint([ext], root);
    expect(upToDate(out, first, 'manifest.json')).toBe(false);
    writeFileSync(join(out, 'manifest.json'), '{}');
    stampBuild(out, first);
    expect(upToDate(out, sourceFingerprint([ext], root), 'manifest.json')).toBe(true);
    writeFileSync(join(out, 'background.js'), 'built');
    writeFileSync(join(ext, 'node_modules', 'x.js'), 'installed');
    expect(sourceFingerprint([ext], root)).toBe(first);
    writeFileSync(join(ext, 'src', 'a.ts'), 'two');
    expect(upToDate(out, sourceFingerprint([ext], root), 'manifest.json')).toBe(false);
  });

  it('follows single files named beside folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-stamp-'));
    dirs.push(root);
    writeFileSync(join(root, 'package.json'), '{"dependencies":{}}');
    mkdirSync(join(root, 'src'));
    const first = sourceFingerprint([join(root, 'src'), join(root, 'package.json')], root);
    writeFileSync(join(root, 'package.json'), '{"dependencies":{"x":"1"}}');
    expect(sourceFingerprint([join(root, 'src'), join(root, 'package.json')], root)).not.toBe(first);
  });
});
