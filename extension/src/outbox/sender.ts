import type { Api, ApiFailure } from '../platform/api/client.ts';
import type { OutboxItem, OutboxState, SendOutcome } from './types.ts';

/**
 * Turns an HTTP outcome into what the queue does next. Only a 4xx about the request itself
 * is final; a refused token or a server that isn't ours is the setup's fault, not the
 * write's, so the write waits for the setup to be fixed.
 */
export function classify(f: ApiFailure): SendOutcome {
  switch (f.kind) {
    case 'unreachable':
      return { kind: 'retry', unreachable: true, message: f.message };
    case 'bad_response':
      return { kind: 'retry', unreachable: true, message: `not a Dossier answer (${f.message})` };
    case 'http':
      if (f.status === 401 || f.status === 403) return { kind: 'blocked', message: f.message };
      if (f.status === 408 || f.status === 429 || f.status >= 500) {
        return { kind: 'retry', unreachable: f.status >= 500, message: `${f.status} ${f.message}` };
      }
      return { kind: 'rejected', error: { status: f.status, code: f.code, message: f.message } };
  }
}

export function createSender(getApi: () => Promise<Api | null>) {
  return async (item: OutboxItem, state: Readonly<OutboxState>): Promise<SendOutcome> => {
    const api = await getApi();
    if (!api) return { kind: 'blocked', message: 'server URL or token not set' };
    if (item.op === 'interaction/create') {
      const r = await api.logInteraction(item.body);
      return r.ok ? { kind: 'done', interactionId: r.value.id } : classify(r.failure);
    }
    if (item.op === 'capture/save') {
      const r = await api.saveCapture(item.body);
      return r.ok ? { kind: 'done', saved: r.value } : classify(r.failure);
    }
    // Undo: find the server's id for this log. Not remembered (e.g. delivered before a
    // restart)? Replaying the create with its idempotency key answers the same interaction.
    let id = state.delivered[item.body.idempotencyKey];
    if (id === undefined) {
      const replay = await api.logInteraction(item.body);
      if (!replay.ok) {
        const c = classify(replay.failure);
        // Refused as a create → it never existed → nothing to undo.
        return c.kind === 'rejected' ? { kind: 'done' } : c;
      }
      id = replay.value.id;
    }
    const r = await api.undoInteraction(id);
    if (r.ok) return { kind: 'done' };
    if (r.failure.kind === 'http' && r.failure.status === 404) return { kind: 'done' };
    return classify(r.failure);
  };
}
