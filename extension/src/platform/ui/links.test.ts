import { describe, expect, it } from 'vitest';
import { dialable, mailtoHref, safeHref, smsHref, telHref, websiteHref } from './links.ts';

describe('safeHref', () => {
  it('keeps web, mail, phone and SMS links', () => {
    expect(safeHref('https://www.jiahe-build.com.cn/contact.html')).toBe('https://www.jiahe-build.com.cn/contact.html');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
    expect(safeHref('mailto:sales@jiahe-build.com.cn')).toBe('mailto:sales@jiahe-build.com.cn');
    expect(safeHref('tel:+8651687654321')).toBe('tel:+8651687654321');
    expect(safeHref('sms:+8613912345678')).toBe('sms:+8613912345678');
    expect(safeHref('  HTTPS://Example.COM/a  ')).toBe('https://example.com/a');
  });

  it('refuses script and every other scheme, however it is disguised', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\u0000script:alert(1)',
      '\u200bjavascript:alert(1)',
      'javascript&colon;alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:https://example.com/1234',
      'file:///etc/passwd',
      'chrome://settings',
      'chrome-extension://abc/sidepanel.html',
      'about:blank',
      'ftp://example.com/',
    ]) {
      expect(safeHref(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('refuses relative references, empty values, credentials and non-strings', () => {
    expect(safeHref('/contact.html')).toBeUndefined();
    expect(safeHref('//evil.example/')).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
    expect(safeHref('https://bank.example@evil.example/')).toBeUndefined();
    expect(safeHref(`https://x.com/${'a'.repeat(3000)}`)).toBeUndefined();
  });
});

describe('websiteHref / mailtoHref / telHref', () => {
  it('turns a bare host into an https link, and only ever gives web links', () => {
    expect(websiteHref('www.jiahua-zy.com')).toBe('https://www.jiahua-zy.com/');
    expect(websiteHref('jiahua-zy.com/about')).toBe('https://jiahua-zy.com/about');
    expect(websiteHref('http://www.x.cn')).toBe('http://www.x.cn/');
    expect(websiteHref('javascript:alert(1)')).toBeUndefined();
    expect(websiteHref('mailto:a@b.com')).toBeUndefined();
    expect(websiteHref('嘉华置业官网')).toBeUndefined();
  });

  it('mailto only for a plain address (no smuggled headers)', () => {
    expect(mailtoHref('wang.jianguo@xz-land.com.cn')).toBe('mailto:wang.jianguo@xz-land.com.cn');
    expect(mailtoHref('a@b.com?subject=x&body=y')).toBeUndefined();
    expect(mailtoHref('a@b.com\nbcc:c@d.com')).toBeUndefined();
    expect(mailtoHref('javascript:alert(1)//@x.com')).toBeUndefined();
    expect(mailtoHref('')).toBeUndefined();
  });

  it('refuses the links the dashboard used to let through', () => {
    // The dashboard had a weaker rule of its own (issue 12, point 11); one rule now serves all.
    expect(safeHref('https://bank.com@evil.example/')).toBeUndefined();
    expect(safeHref('https://user:pass@evil.example/')).toBeUndefined();
    expect(safeHref('https://xz-land.com.cn/\u200b')).toBeUndefined();
    expect(safeHref('https://xz\u200d-land.com.cn/')).toBeUndefined();
    expect(websiteHref('bank.com@evil.example')).toBeUndefined();
    expect(websiteHref('https://bank.com@evil.example/')).toBeUndefined();
    expect(websiteHref('www.xz-land.com.cn\u2060')).toBeUndefined();
  });

  it('tel with only dialable characters', () => {
    expect(telHref('0516-8765 4321')).toBe('tel:051687654321');
    expect(telHref('+8651687654321;ext=808')).toBe('tel:+8651687654321;ext=808');
    expect(telHref('0516-87654321 转 808')).toBe('tel:051687654321;ext=808');
    expect(telHref('javascript:alert(1)')).toBeUndefined();
    expect(telHref('12')).toBeUndefined();
    expect(telHref('０５１６－８３８８００２０')).toBe('tel:051683880020');
  });
});

describe('dialable / smsHref', () => {
  it('keeps the digits and the international prefix', () => {
    expect(dialable('138 0516 0001')).toBe('13805160001');
    expect(dialable('+86 138-0516-0001')).toBe('+8613805160001');
    expect(dialable('0086 138 0516 0001')).toBe('+8613805160001');
    expect(dialable('０５１６－８３８８００２０')).toBe('051683880020');
    expect(dialable('0516-8388 0020 转 801')).toBe('051683880020');
    expect(dialable('12')).toBeUndefined();
    expect(dialable('')).toBeUndefined();
  });

  it('builds an sms: link to one person with the draft as body', () => {
    expect(smsHref('138 0516 0001', '王总，周末愉快！')).toBe(
      `sms:13805160001?body=${encodeURIComponent('王总，周末愉快！')}`,
    );
    expect(smsHref('+86 139 1234 5678', 'Hi Ann, have a great weekend & rest!')).toBe(
      'sms:+8613912345678?body=Hi%20Ann%2C%20have%20a%20great%20weekend%20%26%20rest!',
    );
    expect(smsHref('13800000000', '')).toBe('sms:13800000000');
    // A long draft keeps its link (the body is encoded, never markup).
    expect(smsHref('13800000000', '祝'.repeat(400))?.startsWith('sms:13800000000?body=')).toBe(true);
    expect(smsHref(null, 'x')).toBeUndefined();
    expect(smsHref('n/a', 'x')).toBeUndefined();
  });
});
