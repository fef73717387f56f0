// The few extension APIs the tests call inside the browser (page.evaluate / worker.evaluate).
// Declared here rather than pulling @types/chrome into the test package.
declare namespace chrome {
  namespace tabs {
    interface Tab {
      id?: number;
      url?: string;
      active: boolean;
      windowId: number;
    }
    function query(q: object): Promise<Tab[]>;
  }
  namespace windows {
    function getCurrent(): Promise<{ id?: number }>;
  }
  namespace sidePanel {
    function open(o: { windowId?: number; tabId?: number }): Promise<void>;
  }
  namespace action {
    function getBadgeText(o: { tabId?: number }): Promise<string>;
    function getBadgeBackgroundColor(o: { tabId?: number }): Promise<number[]>;
  }
  namespace scripting {
    interface InjectionResult {
      frameId: number;
      result?: unknown;
    }
    function executeScript(o: {
      target: { tabId: number; frameIds?: number[]; allFrames?: boolean };
      files?: string[];
      // biome-ignore lint/suspicious/noExplicitAny: any function with its arguments.
      func?: (...args: any[]) => unknown;
      args?: unknown[];
    }): Promise<InjectionResult[]>;
  }
  namespace permissions {
    interface Permissions {
      origins?: string[];
      permissions?: string[];
    }
    function getAll(): Promise<Permissions>;
    function contains(p: Permissions): Promise<boolean>;
    function request(p: Permissions): Promise<boolean>;
  }
  namespace scripting {
    function getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>>;
  }
  namespace storage {
    const local: {
      get(key?: string | null): Promise<Record<string, unknown>>;
      setAccessLevel(o: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
    };
  }
}
