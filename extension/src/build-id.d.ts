/** Set per build by wxt.config.ts (vite `define`): the background and the capture script share it. */
declare const __DOSSIER_BUILD__: string;
