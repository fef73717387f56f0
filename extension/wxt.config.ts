import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Dossier',
    permissions: ['storage', 'tabs', 'sidePanel', 'alarms', 'scripting', 'activeTab', 'contextMenus'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: 'Dossier' },
  },
});
