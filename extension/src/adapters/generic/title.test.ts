import { describe, expect, it } from 'vitest';
import { runCapture } from '../index.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const page = (title: string, body = '<p>主营：建筑钢材、型材</p>') =>
  parse(`<html><head><title>${title}</title></head><body>${body}</body></html>`);

describe('a labelled number in the page title', () => {
  it('is the company’s phone (河南仕畅…联系电话：0396-7636111)', () => {
    const c = runCapture(page('河南仕畅建材有限公司-联系电话：0396-7636111'), 'https://www.hnshichang.com/');
    expect(c.company?.name).toBe('河南仕畅建材有限公司');
    expect(c.company?.phones).toEqual(['+863967636111']);
  });

  it('a fax too; the body’s own numbers come first', () => {
    const c = runCapture(
      page('某某机械 | 电话：0371-6612 3456 传真：0371-6612 3457', '<p>电话：0371-6699 0000</p>'),
      'https://www.mmjx.cn/',
    );
    expect(c.company?.phones).toEqual(['+8637166990000', '+8637166123456']);
    expect(c.company?.faxes).toEqual(['+8637166123457']);
  });

  it('an unlabelled number in a title stays out (a date, an order number)', () => {
    const c = runCapture(page('2024-0396 年度报告 7636111'), 'https://www.example.cn/');
    expect(c.company?.phones ?? []).toEqual([]);
  });
});
