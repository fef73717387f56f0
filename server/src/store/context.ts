/** What the sidebar and the toolbar show for a page. Its methods are added as its services move behind the store. */
export type ContextStore = object;
