import type { Dictionary } from '../../platform/i18n/words.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The words of the dashboard's pipeline view. */
const en = {
  pipeline: {
    title: 'Follow-up pipeline',
    explain: 'Most deals close after the 4th to 11th follow-up: track each case step by step.',
    followUps: (n: number) => plural(n, '1 follow-up in this stage', `${n} follow-ups in this stage`),
    nextStepFor: (n: string) => `Next step for ${n}`,
    nextStepHint: 'Next step…',
  },
};

const zhCN: typeof en = {
  pipeline: {
    title: '跟进进度',
    explain: '多数生意在第 4 到第 11 次跟进后成交：一步一步跟踪每个项目直到完成。',
    followUps: (n) => `本阶段共跟进 ${n} 次`,
    nextStepFor: (n) => `${n} 的下一步`,
    nextStepHint: '下一步…',
  },
};

export const pipelineWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    pipeline: (typeof en)['pipeline'];
  }
}
