import type { Line } from '../dom.ts';

/**
 * The headings of a legal notice's sections about someone else — the web host, the designer
 * (mentions légales: Hébergement, Conception; Impressum: Hosting, Gestaltung; 技术支持). What
 * they hold is that firm's name, address and numbers, never the site owner's.
 */
const THIRD_PARTY =
  /^(?:h[ée]bergement(?: du site)?|h[ée]bergeur|concepteur|conception(?: (?:du site|web|graphique))?|r[ée]alisation(?: du site)?|cr[ée]dits?|webdesign|web design|hosting|hoster|webhosting|hosted by|site design|gestaltung|konzeption(?: (?:und|&) gestaltung)?|(?:technische )?umsetzung|网站建设|网站设计|技术支持)\s*[:：]?$/i;

/** A heading's rank: h1 outranks h2 …; a heading of any other element ranks last. */
const rank = (l: Line) => {
  const m = /^h([1-6])$/.exec(l.tag ?? '');
  return m ? Number(m[1]) : 7;
};

/**
 * The page's lines without the sections a third-party heading opens: each runs to the next
 * heading of its rank or above (its own subheadings — "Adresse :", "SIREN :" — stay inside).
 */
export function splitThirdParty(lines: Line[]): { kept: Line[]; aside: Line[] } {
  const kept: Line[] = [];
  const aside: Line[] = [];
  let open = 0; // the rank of the third-party section we are in; 0 outside
  for (const l of lines) {
    if (l.heading && (open === 0 || rank(l) <= open)) {
      open = l.cells.length === 1 && THIRD_PARTY.test((l.cells[0] ?? '').trim()) ? rank(l) : 0;
    }
    const credit = open || l.cells.length !== 1 ? -1 : (l.cells[0] ?? '').search(CREDIT);
    if (credit < 0) (open ? aside : kept).push(l);
    else {
      const cell = l.cells[0] as string;
      if (credit > 0) kept.push({ ...l, cells: [cell.slice(0, credit).trim()] });
      aside.push({ ...l, cells: [cell.slice(credit)] });
    }
  }
  return { kept, aside };
}

/**
 * A footer's credit to the site's maker, to the end of its line ("Copyright@百友汇…  技术支持：
 * 王振宇-13672297775", "Designed by Studio X"): a name after it, not a number — "技术支持：
 * 400-…" is the company's own support line.
 */
const CREDIT =
  /(?:技术支持|网站建设|网站设计|网站制作|设计制作)\s*[:：]\s*(?=[^\d\s+(])|\b(?:powered by|designed by|design by|website by|site by|webdesign by)\s*[:：]?\s*(?=\p{L})/iu;
