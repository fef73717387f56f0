import type { Capture } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { pickCapture } from './frames.ts';

const base: Capture = {
  url: 'https://mail.qq.com/',
  kind: 'webmail',
  adapter: 'qqmail',
  company: null,
  people: [],
  message: null,
  parcels: [],
};

describe('pickCapture', () => {
  it('takes the frame with the open message (QQ Mail classic reads it in an iframe)', () => {
    const frame = {
      ...base,
      url: 'https://mail.qq.com/cgi-bin/readmail?mailid=1',
      message: { fromEmail: 'li.ming@xz-steel.com', subject: '报价' },
    };
    expect(
      pickCapture([
        { frameId: 0, result: base },
        { frameId: 7, result: frame },
        { frameId: 9, result: null },
      ]),
    ).toEqual(frame);
  });

  it('reads a capture handed over as JSON text', () => {
    expect(pickCapture([{ frameId: 0, result: JSON.stringify(base) }])).toEqual(base);
    expect(pickCapture([{ frameId: 0, result: `${JSON.stringify(base)}}` }])).toBeNull();
  });

  it('prefers the top frame unless another frame found more', () => {
    const top = { ...base, kind: 'company' as const, adapter: 'generic', people: [{ name: '王建国' }] };
    const ad = { ...top, url: 'https://ads.example/', people: [] };
    expect(
      pickCapture([
        { frameId: 3, result: ad },
        { frameId: 0, result: top },
      ]),
    ).toEqual(top);
    const rich = { ...top, url: 'https://x.cn/frame', people: [{ name: '王建国' }, { name: '刘芳' }] };
    expect(
      pickCapture([
        { frameId: 0, result: top },
        { frameId: 4, result: rich },
      ]),
    ).toEqual(rich);
  });

  it('accepts only what parses as a capture: a page cannot hand the extension anything else', () => {
    expect(pickCapture([])).toBeNull();
    expect(
      pickCapture([
        { frameId: 0, result: { url: 'x', kind: 'evil' } },
        { frameId: 1, result: '<script>alert(1)</script>' },
        { frameId: 2, result: undefined },
      ]),
    ).toBeNull();
  });
});
