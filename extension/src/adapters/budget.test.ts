import { Capture } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { landPage } from '../../bench/page.ts';
import { outOfTime, withBudget } from './budget.ts';
import { runCapture } from './index.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const LAND = 'https://www.xzggzy.cn/jyxx/td/result.html';

describe('the capture time budget', () => {
  it('has no limit outside withBudget, and is spent once its time has passed', () => {
    expect(outOfTime()).toBe(false);
    const r = withBudget(0, () => {
      const t = performance.now();
      while (performance.now() - t < 2);
      return outOfTime();
    });
    expect(r).toEqual({ value: true, spent: true });
    expect(outOfTime()).toBe(false);
  });

  it('stops reading a huge land list and says so; what was read is a valid capture', () => {
    const { html, parcels } = landPage(200_000);
    const doc = parse(html);
    const whole = runCapture(doc, LAND);
    expect(whole.parcels).toHaveLength(parcels);
    expect(whole.warnings ?? []).toEqual([]);

    const cut = runCapture(doc, LAND, { budgetMs: 0 });
    expect(Capture.safeParse(cut).success).toBe(true);
    // The first rows of a table are read even past the budget: the preview has something to show.
    expect(cut.parcels.length).toBeGreaterThanOrEqual(100);
    expect(cut.parcels.length).toBeLessThan(parcels);
    expect(cut.parcels[0]).toEqual(whole.parcels[0]);
    expect(cut.warnings?.[0]).toMatch(/reading stopped after 0 ms/);
  });

  it('a page read within its budget is read whole, without a warning', () => {
    const { html } = landPage(20_000);
    const doc = parse(html);
    expect(runCapture(doc, LAND, { budgetMs: 60_000 })).toEqual(runCapture(doc, LAND));
  });
});

describe('a land list longer than a capture holds', () => {
  it('reads the first CAPTURE_LIMITS.parcels rows and counts the rest unread', () => {
    // ~233 bytes a row: a little over the limit of 5,000 parcels.
    const { html, parcels } = landPage(5_100 * 233);
    expect(parcels).toBeGreaterThan(5_000);
    const c = runCapture(parse(html), LAND);
    expect(c.parcels).toHaveLength(5_000);
    expect(c.parcels.at(-1)?.winner).toBe('徐州第4999置业有限公司');
    expect(c.warnings).toEqual([
      `showing the first 5000 of about ${parcels.toLocaleString('en')} parcels (table rows)`,
    ]);
    // A 1.2 MB page parsed and read whole by happy-dom: seconds on a busy 2-core machine.
  }, 30_000);
});
