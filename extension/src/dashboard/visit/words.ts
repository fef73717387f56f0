import type { Dictionary } from '../../platform/i18n/words.ts';

/** The words of the dashboard's visit view. */
const en = {
  visit: {
    title: 'Visit record',
    document: 'Customer visit record',
    customer: 'Customer',
    at: 'Visit date and time',
    person: 'Main person met',
    fields: {
      peopleMet: 'People met',
      needs: 'Needs analysed',
      environment: 'Environment assessed',
      entryPoint: 'Service entry point',
      nextStep: 'Next step',
      summary: 'Summary',
    },
    hints: {
      peopleMet: 'Who was there, with their titles',
      needs: 'What the customer needs, stated and unstated',
      environment: 'Their situation, competitors, decision process',
      entryPoint: 'Where our service comes in',
      nextStep: 'The next action and its date',
    },
    alsoNextStep: "Also make the next step the file's next step",
    save: 'Save visit',
    saved: 'Visit saved.',
    backToFile: 'Open the customer file',
    notFound: 'This visit is not in the file.',
  },
};

const zhCN: typeof en = {
  visit: {
    title: '客户拜访表',
    document: '客户拜访表',
    customer: '客户',
    at: '拜访时间',
    person: '主要拜访对象',
    fields: {
      peopleMet: '会见人员',
      needs: '需求分析',
      environment: '环境评估',
      entryPoint: '服务切入点',
      nextStep: '下一步',
      summary: '拜访纪要',
    },
    hints: {
      peopleMet: '在场人员及职务',
      needs: '客户明确的和潜在的需求',
      environment: '客户现状、竞争对手、决策流程',
      entryPoint: '我们的服务从哪里切入',
      nextStep: '下一步行动及时间',
    },
    alsoNextStep: '同时设为档案的“下一步”',
    save: '保存拜访',
    saved: '拜访已保存。',
    backToFile: '打开客户档案',
    notFound: '档案中没有这次拜访。',
  },
};

export const visitWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    visit: (typeof en)['visit'];
  }
}
