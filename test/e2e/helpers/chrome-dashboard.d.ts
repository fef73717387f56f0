// The extension APIs the dashboard tests read from the service worker (beside chrome.d.ts).
declare namespace chrome {
  namespace notifications {
    function getAll(): Promise<Record<string, boolean>>;
  }
  namespace alarms {
    function get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
  }
}
