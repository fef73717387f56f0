/**
 * Reading a page needs access to its site: activeTab (the toolbar button or the context menu
 * on that tab) or the site allowed by the user. The extension holds no blanket host permission,
 * so a read from the panel on a tab it was not invoked on is refused by the browser.
 */

/** The browser's refusal of a script in a page the extension has no access to (Chrome, Firefox). */
export function isNoAccess(message: string): boolean {
  return /cannot access contents of|must request permission to access|missing host permission/i.test(message);
}

/** The one origin asked for to read a page of `url` (any path, any port), or null for a non-web URL. */
export function siteAccessPattern(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return `${u.protocol}//${u.hostname}/*`;
}
