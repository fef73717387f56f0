import { hasAccents, phoneDigits, searchForms, webSearchKey, withoutAccents } from '@dossier/shared';

/**
 * What search finds a customer by, whatever the engine: its names (former ones too) and its
 * people's, also without their accents, the names' pinyin, every phone as digits, its domains
 * and every e-mail. Each engine indexes these texts its own way (SQLite's FTS5 trigram table, PostgreSQL's pg_trgm and bigram
 * array), built from this one place so both find the same files.
 */
export interface SearchText {
  name: string;
  initials: string;
  pinyin: string;
  phones: string;
  domains: string;
  emails: string;
}

export interface SearchSource {
  customer: {
    name: string;
    formerNames: string[];
    initials: string;
    pinyin: string;
    phones: string[];
    emails: string[];
    website: string | null;
  };
  people: { name: string; mobile: string | null; directLine: string | null; email: string | null }[];
  keys: { kind: string; value: string }[];
}

/**
 * The ways a name with accented Latin letters is typed without them: Müller as Muller and as
 * German writes it without umlauts, Mueller. None for a name without any.
 */
function unaccentedForms(names: string): string[] {
  if (!hasAccents(names)) return [];
  const umlauts = names.replace(/[äöüÄÖÜ]/g, (ch) => `${withoutAccents(ch)}${ch === ch.toLowerCase() ? 'e' : 'E'}`);
  return [...new Set([withoutAccents(names), withoutAccents(umlauts)])].filter((f) => f !== names);
}

export function searchText({ customer: c, people, keys }: SearchSource): SearchText {
  const phones = [...c.phones, ...people.flatMap((p) => [p.mobile, p.directLine])]
    .filter((p): p is string => !!p)
    .map(phoneDigits)
    .filter(Boolean);
  const domains = [
    ...keys.filter((k) => k.kind === 'domain' || k.kind === 'email_domain').map((k) => k.value),
    c.website ? webSearchKey(c.website) : null,
  ].filter(Boolean);
  const emails = [...c.emails, ...people.map((p) => p.email)].filter(Boolean);
  // A renamed file is found by its former names as by its name (their forms worked out here: few files have any).
  const former = c.formerNames.map(searchForms);
  const names = [c.name, ...c.formerNames, ...people.map((p) => p.name)].join(' ');
  return {
    name: [names, ...unaccentedForms(names)].join(' '),
    initials: [c.initials, ...former.map((f) => f.initials)].join(' '),
    pinyin: [c.pinyin, ...former.map((f) => f.pinyin)].join(' '),
    phones: phones.join(' '),
    domains: [...new Set(domains)].join(' '),
    emails: emails.join(' '),
  };
}

/**
 * Every two-character piece of the names, not across a space, each once: what a two-character
 * query (嘉华) is looked up by, since it holds no whole trigram.
 */
export function bigramPieces(names: string): string[] {
  const chars = [...names];
  const pieces = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const piece = `${chars[i]}${chars[i + 1]}`;
    if (!piece.includes(' ')) pieces.add(piece);
  }
  return [...pieces];
}
