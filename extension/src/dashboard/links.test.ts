import { describe, expect, it } from 'vitest';
import { dialable, safeHref, smsHref, telHref, websiteHref } from './links.ts';

describe('safe links', () => {
  it('lets through http, https, mailto, tel and sms only', () => {
    expect(safeHref('https://xz-land.com.cn/about.pdf')).toBe('https://xz-land.com.cn/about.pdf');
    expect(safeHref('http://a.cn')).toBe('http://a.cn/');
    expect(safeHref('mailto:li@a.cn')).toBe('mailto:li@a.cn');
    expect(safeHref('tel:+8613800000000')).toBe('tel:+8613800000000');
    expect(safeHref('sms:13800000000')).toBe('sms:13800000000');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>x</script>')).toBeNull();
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref('xz-land.com.cn')).toBeNull();
    expect(safeHref('')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });

  it('makes a website typed without a scheme into an https link', () => {
    expect(websiteHref('www.xz-land.com.cn')).toBe('https://www.xz-land.com.cn/');
    expect(websiteHref('http://www.xz-land.com.cn')).toBe('http://www.xz-land.com.cn/');
    expect(websiteHref('javascript:alert(1)')).toBeNull();
    expect(websiteHref('mailto:x@y.cn')).toBeNull();
  });
});

describe('phone links', () => {
  it('keeps the digits and the international prefix', () => {
    expect(dialable('138 0516 0001')).toBe('13805160001');
    expect(dialable('+86 138-0516-0001')).toBe('+8613805160001');
    expect(dialable('0086 138 0516 0001')).toBe('+8613805160001');
    expect(dialable('０５１６－８３８８００２０')).toBe('051683880020');
    expect(dialable('0516-8388 0020 转 801')).toBe('051683880020');
    expect(dialable('12')).toBeNull();
    expect(dialable('')).toBeNull();
  });

  it('builds an sms: link to one person with the draft as body', () => {
    expect(smsHref('138 0516 0001', '王总，周末愉快！')).toBe(
      `sms:13805160001?body=${encodeURIComponent('王总，周末愉快！')}`,
    );
    expect(smsHref('+86 139 1234 5678', 'Hi Ann, have a great weekend & rest!')).toBe(
      'sms:+8613912345678?body=Hi%20Ann%2C%20have%20a%20great%20weekend%20%26%20rest!',
    );
    expect(smsHref('13800000000', '')).toBe('sms:13800000000');
    expect(smsHref(null, 'x')).toBeNull();
    expect(smsHref('n/a', 'x')).toBeNull();
    expect(telHref('0516-8388 0020')).toBe('tel:051683880020');
  });
});
