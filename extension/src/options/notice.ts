import type { ConnectionResult } from '../platform/api/connection.ts';
import type { Words } from '../platform/i18n/words.ts';
import type { SetupOutcome } from './setup.ts';

export type Notice = { tone: 'ok' | 'error' | 'info'; text: string };

/** What Test connection found, in the page's words. */
export function describeConnection(result: ConnectionResult, url: string, o: Words['options']): Notice {
  const m = o.result;
  switch (result.kind) {
    case 'ok':
      return { tone: 'ok', text: result.paired ? `${m.ok(result.version)} ${o.pairedNow}` : m.ok(result.version) };
    case 'wrong_token':
      return { tone: 'error', text: m.wrongToken };
    case 'missing_token':
      return { tone: 'error', text: m.missingToken };
    case 'not_running':
      return { tone: 'error', text: m.notRunning(url) };
    case 'not_dossier':
      return { tone: 'error', text: m.notDossier(url) };
    case 'invalid_url':
      return { tone: 'error', text: m.invalidUrl };
    case 'forbidden':
      return { tone: 'error', text: m.forbidden };
    case 'not_paired':
      return { tone: 'error', text: m.notPaired };
    case 'too_many_tries':
      return { tone: 'error', text: m.tooManyTries };
  }
}

/** The page's words for what Save or Test connection did (setup.ts). */
export function describeSetup(action: 'test' | 'save', out: SetupOutcome, o: Words['options']): Notice {
  if (out.kind === 'bad_url') return { tone: 'error', text: o.urlProblem[out.problem] };
  if (out.kind === 'no_access') return { tone: 'error', text: o.noAccess(out.url) };
  const tested = describeConnection(out.result, out.url, o);
  if (action === 'save') return { ...tested, text: `${o.savedWhat(out.url, out.token !== '')} ${tested.text}` };
  return out.saved ? { ...tested, text: `${tested.text} ${o.savedNow}` } : tested;
}
