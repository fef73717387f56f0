import { describe, expect, it } from 'vitest';
import { cardQueryOf } from './files.ts';

describe('cardQueryOf: how a search result without a website finds its card', () => {
  it('takes the strongest key the file holds, as the server tries them', () => {
    const keys = [
      { kind: 'name', value: '徐州永泰钢材' },
      { kind: 'email_domain', value: 'xzyt-steel.com' },
      { kind: 'icp', value: '苏ICP备12345678号' },
      { kind: 'credit_code', value: '91320300MA1N2B3C4D' },
    ] as const;
    expect(cardQueryOf(keys, [])).toEqual({ creditCode: '91320300MA1N2B3C4D' });
    expect(cardQueryOf(keys.slice(0, 3), [])).toEqual({ icp: '苏ICP备12345678号' });
    expect(cardQueryOf([{ kind: 'domain', value: 'xz-land.com.cn' }], [])).toEqual({ url: 'https://xz-land.com.cn/' });
  });

  it('falls back to an e-mail: a person’s own address, then any mailbox of the company’s domain', () => {
    expect(cardQueryOf([{ kind: 'email_domain', value: 'xzyt-steel.com' }], [{ email: 'zhou@qq.com' }])).toEqual({
      email: 'zhou@qq.com',
    });
    expect(cardQueryOf([{ kind: 'email_domain', value: 'xzyt-steel.com' }], [{}])).toEqual({
      email: 'someone@xzyt-steel.com',
    });
  });

  it('a name or phones alone find no card: null (the file opens in the dashboard)', () => {
    expect(cardQueryOf([{ kind: 'name', value: '徐州永泰钢材' }], [{}])).toBeNull();
    expect(cardQueryOf([], [])).toBeNull();
  });
});
