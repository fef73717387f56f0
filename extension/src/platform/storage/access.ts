/** The part of a chrome.storage area this needs; `setAccessLevel` is missing where unsupported. */
export interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Closes storage.local to content scripts. The token (and the outbox: calls and captures
 * waiting for the server) stay in storage.local — it survives a browser restart, which the
 * setup expects (the token is entered once in the options page; storage.session would lose it
 * at every restart) — but only the extension's own pages and service worker may read it:
 * a page that got hold of the capture script's renderer can't. Chrome 140+ takes the access
 * level for every area (earlier versions only for session storage); the setting is kept by
 * the browser, and set again at every start. Firefox has no setAccessLevel yet (Mozilla bug
 * 1724754): there storage.local stays readable by content scripts, which in Dossier run only
 * when injected on demand and never read it. Answers whether the area is now closed.
 */
export async function closeToContentScripts(area: AccessLevelArea): Promise<boolean> {
  if (typeof area.setAccessLevel !== 'function') return false;
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    // "This StorageArea does not support setAccessLevel" before Chrome 140.
    return false;
  }
}
