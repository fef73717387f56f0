import { TIER_A } from './data-a.ts';
import { TIER_B } from './data-b.ts';
import { TIER_C } from './data-c.ts';
import type { DemoCustomer, DemoParcel } from './types.ts';

export type { DemoCustomer, DemoParcel, DemoPerson, DemoPlan } from './types.ts';

/**
 * The demo customers, fictional throughout (names, domains, numbers). Roughly the seed's
 * 20/40/40 split over tiers A/B/C; 徐州嘉华融通置业 (xz-land.com.cn) is used by docs and tests.
 * Dates are not stored here: each plan says where the file stands relative to "today".
 */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [...TIER_A, ...TIER_B, ...TIER_C];

/** Parcels listed for sale and not yet dealt: the watch list, waiting for their result pages. */
export const DEMO_LISTED_PARCELS: readonly DemoParcel[] = [
  {
    no: 'XZ{y}-21',
    location: '徐州市云龙区湖东路与昆仑大道交叉口东北角',
    areaM2: 52300,
    use: '城镇住宅用地',
    method: '挂牌',
    startPrice: 412_000_000,
  },
  {
    no: 'XZ{y}-22',
    location: '徐州市铜山区北京南路东侧、湘江路北侧',
    areaM2: 28760,
    use: '商服用地',
    method: '挂牌',
    startPrice: 96_500_000,
  },
];
