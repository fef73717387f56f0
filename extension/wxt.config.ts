import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { MANIFEST_KEY } from './manifest-key.ts';

// public/icon/<size>.png (drawn by test/scripts/icons.ts): WXT lists them as the manifest's
// `icons` by their names; the toolbar button and Firefox's sidebar are given the small ones.
const TOOLBAR_ICON = { 16: 'icon/16.png', 32: 'icon/32.png' };

// What addons.mozilla.org asks of the Firefox build (`web-ext lint`, run by `pnpm test`): an
// add-on id, and the data it collects — none: every request goes to the user's own Dossier
// server, whose address they enter; nothing is sent to us or to anyone else.
const FIREFOX_SETTINGS = {
  gecko: { id: 'dossier@dossier.local', data_collection_permissions: { required: ['none'] } },
};

// `pnpm package` builds for the stores (DOSSIER_STORE=1). The Chrome Web Store refuses a
// manifest with a `key` and gives the extension an id of its own, which pairs like Firefox's;
// those builds go to folders of their own (chrome-mv3-store) so the unpacked build that
// `pnpm start` prints keeps its key and its pinned id.
const FOR_STORE = process.env.DOSSIER_STORE === '1';

/** The server's address as `pnpm start` prints it, granted at install (any port). */
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'] as const;
/** Any other server's address, asked for when the user sets it up. */
const OTHER_HOSTS = ['http://*/*', 'https://*/*'] as const;

/** This build's id (see `define` below). */
const BUILD_ID = Date.now().toString(36);

export default defineConfig({
  ...(FOR_STORE ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-store' } : {}),
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    // Firefox ignores `key` (its moz-extension:// id is per install): that build pairs instead.
    ...(browser === 'firefox'
      ? { browser_specific_settings: FIREFOX_SETTINGS }
      : FOR_STORE
        ? {}
        : { key: MANIFEST_KEY }),
    name: 'Dossier',
    description: 'Customer files (客户档案) beside the page: tier, next due contact, one-click logging.',
    // Firefox has no sidePanel permission: its sidebar_action comes from entrypoints/sidepanel.
    permissions: ['storage', 'tabs', 'alarms', 'scripting', 'activeTab', 'contextMenus', 'notifications'].concat(
      browser === 'firefox' ? [] : ['sidePanel'],
    ),
    // The local server is granted at install; a server elsewhere (another machine on the office
    // network, a https address) is asked for from the options page when its URL is saved or tested
    // (src/options/setup.ts). Firefox's MV2 manifest has no optional_host_permissions: there the
    // same origins are optional_permissions (WXT drops the MV3 key from an MV2 build).
    host_permissions: [...LOOPBACK_HOSTS],
    ...(browser === 'firefox'
      ? { optional_permissions: [...OTHER_HOSTS] }
      : { optional_host_permissions: [...OTHER_HOSTS] }),
    // Without a popup WXT emits no action; the toolbar button opens the panel (and wears the badge).
    action: { default_title: 'Dossier' },
  }),
  // `pnpm package`: .output/dossier-<version>-chrome.zip for the Chrome Web Store,
  // -firefox.zip for addons.mozilla.org with -sources.zip beside it (AMO rebuilds bundled code
  // from sources: the workspace it builds in — the extension, shared, the server whose types the
  // client uses — and the lockfile; `pnpm install && pnpm --filter @dossier/extension build`).
  zip: {
    name: 'dossier',
    sourcesRoot: fileURLToPath(new URL('..', import.meta.url)),
    includeSources: [
      'package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      'tsconfig.base.json',
      'README.md',
      'extension/**',
      'shared/**',
      'server/**',
      'test/package.json',
    ],
    excludeSources: ['extension/.output/**', 'server/dist/**', 'server/data/**', '**/bench/**', '**/fixtures/**'],
  },
  hooks: {
    // The button and the sidebar are generated from entrypoints; their icons are set here so a
    // browser that does not fall back to `icons` (Firefox's sidebar) shows the mark too.
    'build:manifestGenerated': (_wxt, manifest) => {
      const button = manifest.action ?? manifest.browser_action;
      if (button) button.default_icon = TOOLBAR_ICON;
      if (manifest.sidebar_action) manifest.sidebar_action.default_icon = TOOLBAR_ICON;
      // WXT adds a runtime content script's `matches` to the granted hosts: `http://*/*` there once
      // granted every site at install, and the team server's optional permission never asked.
      const granted = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].filter((p) =>
        p.includes('://'),
      );
      const extra = granted.filter((p) => !(LOOPBACK_HOSTS as readonly string[]).includes(p));
      if (extra.length) throw new Error(`host access granted at install beyond the local server: ${extra.join(', ')}`);
    },
  },
  vite: () => ({
    // One id per build, shared by the background and the capture script: a capture kept in a
    // page from an earlier build (the extension was updated or reloaded) is not called again.
    // Taken once (BUILD_ID): WXT calls this for each of its builds (the background, each
    // content script), and an id read from the clock in each made them differ, so a capture
    // kept in a page was never called and every click loaded the script anew.
    define: { __DOSSIER_BUILD__: JSON.stringify(BUILD_ID) },
    build: {
      rolldownOptions: {
        // tldts (the Public Suffix List, ~130 kB) declares no `sideEffects`, so its tables would
        // be bundled into every page that imports anything from @dossier/shared. It has none.
        treeshake: { moduleSideEffects: (id: string) => !/[\\/]tldts(-core)?[\\/]/.test(id) },
      },
    },
  }),
});
