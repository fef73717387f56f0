import { describe, expect, it } from 'vitest';
import { isNoAccess, siteAccessPattern } from './access.ts';

describe('site access', () => {
  it('asks for the page’s own host only, never a wildcard', () => {
    expect(siteAccessPattern('https://www.xz-land.com.cn/about/contact.html?x=1')).toBe('https://www.xz-land.com.cn/*');
    expect(siteAccessPattern('http://10.0.0.7:8080/a')).toBe('http://10.0.0.7/*');
    expect(siteAccessPattern('https://mail.google.com/mail/u/0/#inbox/abc')).toBe('https://mail.google.com/*');
    expect(siteAccessPattern('chrome://extensions')).toBeNull();
    expect(siteAccessPattern('not a url')).toBeNull();
  });

  it('tells the browser’s refusal from a page that had nothing to read', () => {
    expect(
      isNoAccess(
        'Cannot access contents of url "https://www.xz-land.com.cn/". Extension manifest must request permission to access this host.',
      ),
    ).toBe(true);
    expect(isNoAccess('Missing host permission for the tab')).toBe(true);
    expect(isNoAccess('nothing could be read from this page')).toBe(false);
  });
});
