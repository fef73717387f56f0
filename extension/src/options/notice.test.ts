import { describe, expect, it } from 'vitest';
import { dictionaries } from '../words.ts';
import { describeSetup } from './notice.ts';

const en = dictionaries.en.options;
const zh = dictionaries['zh-CN'].options;
const URL = 'http://127.0.0.1:8787';
const ok = { kind: 'ok', version: '0.1.0', paired: false } as const;

describe('describeSetup', () => {
  it('a test that stored the settings says the extension is set up', () => {
    expect(describeSetup('test', { kind: 'tested', url: URL, token: 't', result: ok, saved: true }, en)).toEqual({
      tone: 'ok',
      text: 'Connected to Dossier 0.1.0. The token is accepted. Saved: Dossier is set up. The toolbar button opens the side panel.',
    });
    expect(describeSetup('test', { kind: 'tested', url: URL, token: 't', result: ok, saved: true }, zh).text).toBe(
      '已连接 Dossier 0.1.0，令牌有效。 已保存：Dossier 已设置好。点击工具栏按钮打开侧边栏。',
    );
  });

  it('a test of what is already stored says only that it works', () => {
    expect(describeSetup('test', { kind: 'tested', url: URL, token: 't', result: ok, saved: false }, en).text).toBe(
      'Connected to Dossier 0.1.0. The token is accepted.',
    );
  });

  it('save says what it stored, then what the test found', () => {
    expect(
      describeSetup('save', { kind: 'tested', url: URL, token: 't', result: { kind: 'wrong_token' }, saved: true }, en),
    ).toEqual({
      tone: 'error',
      text: `Saved: server ${URL} and the token. Wrong token: the server refused it. Copy the token the server printed at its first start.`,
    });
    expect(
      describeSetup('save', { kind: 'tested', url: URL, token: '', result: { kind: 'missing_token' }, saved: true }, en)
        .text,
    ).toBe(`Saved: server ${URL}, no token yet. Enter the token first.`);
  });

  it('a refused URL says why, in both languages', () => {
    expect(describeSetup('test', { kind: 'bad_url', problem: 'host' }, en)).toEqual({
      tone: 'error',
      text: en.urlProblem.host,
    });
    expect(describeSetup('save', { kind: 'bad_url', problem: 'scheme' }, zh).text).toMatch(/^地址错误/);
    for (const o of [en, zh])
      for (const problem of ['empty', 'scheme', 'host', 'extra'] as const)
        expect(o.urlProblem[problem]).toContain('127.0.0.1:8787');
  });
});
