import { describe, expect, it } from 'vitest';
import { mailtoHref, safeHref, telHref, websiteHref } from './safe-href.ts';

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

  it('tel with only dialable characters', () => {
    expect(telHref('0516-8765 4321')).toBe('tel:051687654321');
    expect(telHref('+8651687654321;ext=808')).toBe('tel:+8651687654321;ext=808');
    expect(telHref('0516-87654321 转 808')).toBe('tel:051687654321;ext=808');
    expect(telHref('javascript:alert(1)')).toBeUndefined();
    expect(telHref('12')).toBeUndefined();
  });
});
