import type { Tier } from '@dossier/shared';
import type { Dictionary } from '../../platform/i18n/words.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The words of the dashboard's reclass view. */
const en = {
  reclass: {
    title: 'Monthly reclassification',
    explain:
      "Proposals from the month's contact record, intention and deals. Accepted changes go into the tier history with their reasons.",
    partial: (t: string) => `This month is not over yet: judged up to ${t} only, counting the contacts due by then.`,
    proposals: (n: number) => plural(n, '1 proposal', `${n} proposals`),
    none: 'No tier changes proposed for this month.',
    move: (f: Tier, t: Tier) => `Tier ${f} to ${t}`,
    accept: 'Accept',
    reject: 'Reject',
    accepted: (n: string, t: Tier) => `${n} is now tier ${t}.`,
    rejected: (n: string) => `${n} keeps its tier.`,
    distribution: 'Tier distribution',
    tier: 'Tier',
    count: 'Customers',
    share: 'Share',
    guide: 'Guide',
    gap: (p: number) => `${Math.abs(p)} ${Math.abs(p) === 1 ? 'point' : 'points'} ${p > 0 ? 'over' : 'under'}`,
    reasons: {
      intention_high: (n: number) => `high intention shown ${n === 1 ? 'once' : `${n} times`}`,
      intention_low: (n: number) => `low intention shown ${n === 1 ? 'once' : `${n} times`}`,
      calls_below_cadence: (n: number, e: number) =>
        `only ${n} ${n === 1 ? 'call' : 'calls'} of the ${e} the cadence asks for`,
      calls_met_cadence: (n: number, e: number) => `${n} ${n === 1 ? 'call' : 'calls'}, the cadence asks for ${e}`,
      silent_month: 'no contact all month',
      signed: 'signed this month',
      land_won: 'won land this month',
      visits_made: (n: number) => plural(n, '1 visit', `${n} visits`),
      unknown: (code: string) => code,
    } satisfies ReasonWords,
  },
};

const zhCN: typeof en = {
  reclass: {
    title: '月度重新分类',
    explain: '根据本月联系记录、合作意向和成交情况提出等级调整建议。接受的调整连同原因记入等级变更记录。',
    partial: (t) => `本月尚未结束：只评估到 ${t} 为止，只计算到那时应有的联系。`,
    proposals: (n) => `${n} 条建议`,
    none: '本月没有等级调整建议。',
    move: (f, t) => `${f} 类调为 ${t} 类`,
    accept: '接受',
    reject: '不接受',
    accepted: (n, t) => `${n} 已调为 ${t} 类。`,
    rejected: (n) => `${n} 保持原等级。`,
    distribution: '等级分布',
    tier: '等级',
    count: '客户数',
    share: '占比',
    guide: '参考比例',
    gap: (p) => (p > 0 ? `高出 ${p} 个百分点` : `低 ${-p} 个百分点`),
    reasons: {
      intention_high: (n) => `${n} 次表现出较高合作意向`,
      intention_low: (n) => `${n} 次表现出较低合作意向`,
      calls_below_cadence: (n, e) => `电话仅 ${n} 次，按频次应有 ${e} 次`,
      calls_met_cadence: (n, e) => `电话 ${n} 次，达到频次要求（${e} 次）`,
      silent_month: '整月没有联系',
      signed: '本月签约',
      land_won: '本月竞得土地',
      visits_made: (n) => `拜访 ${n} 次`,
      unknown: (code) => code,
    },
  },
};

export const reclassWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    reclass: (typeof en)['reclass'];
  }
}

/** The words of a reclassification proposal's reasons (dashboard/reclass/reasons.ts). */
export interface ReasonWords {
  intention_high: (count: number) => string;
  intention_low: (count: number) => string;
  calls_below_cadence: (count: number, expected: number) => string;
  calls_met_cadence: (count: number, expected: number) => string;
  silent_month: string;
  signed: string;
  land_won: string;
  visits_made: (count: number) => string;
  /** A code this version does not know (a newer server): shown as it is. */
  unknown: (code: string) => string;
}
