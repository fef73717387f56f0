/**
 * What was said, as the account manager writes it in her own file: short notes in Chinese,
 * whatever the customer's language. She is a real-estate consultant in Xuzhou: developers buy her
 * land and market research; contractors, suppliers and agencies come to her for project leads
 * and market data. Lines are picked by the seeded PRNG.
 */

import type { HolidayKey } from '../services/holidays.ts';

/**
 * Who a line suits: developers ('dev'); contractors and suppliers ('supplier'), who come for
 * project leads; agencies, designers, valuers and banks ('service'), who use both the market
 * research and the leads. A line without one suits everybody.
 */
export type Segment = 'dev' | 'supplier' | 'service';

export interface Line {
  summary: string;
  outcome?: string;
  /** Only once a proposal is on the table: quotes, contracts, payments, reports in use. */
  late?: boolean;
  /** Only early in the relationship: introductions. */
  early?: boolean;
  seg?: Segment[];
}

export interface VisitLine extends Line {
  needs: string;
  environment: string;
  entryPoint: string;
  nextStep: string;
}

export const FIRST_CALL: Record<Segment, Line> = {
  dev: {
    summary: '初次电话联系，介绍我司土地市场研究和项目前期咨询服务',
    outcome: '对方让先发公司介绍和一份样本报告',
  },
  supplier: {
    summary: '初次电话联系，介绍我司的楼盘项目信息和开发商资源',
    outcome: '对方有兴趣，加了微信，先发公司介绍',
  },
  service: {
    summary: '初次电话联系，介绍我司的市场研究和项目信息服务',
    outcome: '对方让先发几期月报看看',
  },
};

export const CALLS: Line[] = [
  { summary: '电话沟通二期项目进度', outcome: '对方下周内部开会，等会议结果再跟进', seg: ['dev'] },
  {
    summary: '电话回访月报使用情况',
    outcome: '对方觉得成交数据有用，希望加上竞品去化',
    late: true,
    seg: ['dev', 'service'],
  },
  { summary: '电话介绍本月新挂牌地块', outcome: '对方对云龙湖片区那宗地有兴趣，要宗地图', seg: ['dev'] },
  { summary: '电话问新项目开盘计划', outcome: '预计下季度开盘，价格还没定', seg: ['dev'] },
  { summary: '电话了解今年拿地计划', outcome: '打算在徐州再拿一到两块住宅地', seg: ['dev'] },
  { summary: '电话推荐竞品项目调研', outcome: '对方让先发样本报告看看', seg: ['dev', 'service'] },
  { summary: '电话沟通研究报告的需求', outcome: '重点看改善型产品和价格带', seg: ['dev', 'service'] },
  { summary: '电话通报本周土地成交结果', outcome: '对方要成交地块的楼面价明细', seg: ['dev', 'service'] },
  { summary: '电话了解开盘后去化情况', outcome: '首开去化六成左右，加推要等下月', seg: ['dev'] },
  { summary: '电话问对方最近接的新项目', outcome: '新接了一个铜山的项目，要片区成交数据', seg: ['service'] },
  { summary: '电话交流本地市场行情', outcome: '对方说二手房挂牌量还在涨，成交偏慢', seg: ['service'] },
  { summary: '电话沟通新项目招标信息', outcome: '对方想要明年开工项目的开发商名单', seg: ['supplier'] },
  {
    summary: '电话推荐铜山新城两个在建项目',
    outcome: '对方要项目负责人联系方式，已微信发过去',
    seg: ['supplier', 'service'],
  },
  { summary: '电话了解对方在徐州的业务情况', outcome: '今年主要做住宅项目，回款压力大', seg: ['supplier', 'service'] },
  { summary: '电话问上次介绍的项目进展', outcome: '已经和甲方见过面，在等招标文件', seg: ['supplier'] },
  { summary: '电话沟通合作推荐的方式', outcome: '对方倾向按项目付信息服务费', seg: ['supplier', 'service'] },
  { summary: '电话通报新竞得地块的开发商', outcome: '对方想尽快约开发商见面', seg: ['supplier', 'service'] },
  { summary: '跟进报价，对方觉得偏高', outcome: '回去申请一下折扣', late: true },
  { summary: '电话确认合同条款', outcome: '对方法务在审，说本周内回复', late: true },
  { summary: '电话沟通付款进度', outcome: '财务说月底前安排', late: true },
  { summary: '电话确认报告交付时间', outcome: '约好本周五前交', late: true },
  { summary: '电话没打通', outcome: '发了微信留言' },
  { summary: '电话问候，了解近况', outcome: '最近忙项目交付，下月再细谈' },
  { summary: '电话跟进上次发的方案', outcome: '方案已转给总经理，等回复' },
  { summary: '电话了解竞争对手动态', outcome: '对方透露另一家咨询公司也在报价' },
  { summary: '电话沟通，对方在外地出差', outcome: '回来后再约时间' },
];

export const EMAILS: Line[] = [
  { summary: '发送本月徐州土地市场月报' },
  { summary: '发送本周新挂牌地块清单', seg: ['dev'] },
  { summary: '发送竞品项目调研样本报告', seg: ['dev', 'service'] },
  { summary: '发送研究方案和报价单', seg: ['dev', 'service'] },
  { summary: '发送在建项目清单（含开发商联系人）', seg: ['supplier', 'service'] },
  { summary: '发送新开工项目信息汇总', seg: ['supplier'] },
  { summary: '发送合同草稿，请对方审阅', late: true },
  { summary: '发送修改后的报价', late: true },
  { summary: '发送会议纪要和后续安排' },
  { summary: '发送公司介绍和服务案例', early: true },
];

export const MESSAGES: Line[] = [
  { summary: '短信提醒：本周有三宗住宅地块挂牌', seg: ['dev'] },
  { summary: '微信发送地块成交快讯' },
  { summary: '微信提醒对方查收本月月报' },
  { summary: '微信发送项目招标公告链接', seg: ['supplier'] },
];

export const VISITS: VisitLine[] = [
  {
    summary: '拜访总经理，介绍年度研究服务',
    outcome: '对方有兴趣，让出一份针对性方案',
    needs: '关注区域土地供应和竞品去化速度',
    environment: '营销团队刚扩编，新项目在筹备',
    entryPoint: '从土地情报周报切入，先做单项目研究',
    nextStep: '一周内交方案',
    seg: ['dev', 'service'],
  },
  {
    summary: '上门拜访，了解新项目定位',
    outcome: '对方在改善和刚需之间还没定',
    needs: '客群研究和价格带测算',
    environment: '董事长拍板，营销部执行',
    entryPoint: '先做周边三个竞品的客群调研',
    nextStep: '下次带样本报告当面汇报',
    seg: ['dev'],
  },
  {
    summary: '到项目现场踏勘，和工程部交流',
    outcome: '了解了工期和交付节点',
    needs: '开盘时间和工程节点对得上的市场窗口',
    environment: '主体已封顶，售楼处在装修',
    entryPoint: '开盘前市场窗口分析',
    nextStep: '整理踏勘记录发给对方',
    seg: ['dev'],
  },
  {
    summary: '拜访董事长，汇报服务成果',
    outcome: '董事长认可月报，提出加上周边县区数据',
    needs: '县区市场数据和拿地机会',
    environment: '公司在调整区域布局，重视县区市场',
    entryPoint: '县区土地市场专项研究',
    nextStep: '两周内报专项研究的价格',
    late: true,
    seg: ['dev'],
  },
  {
    summary: '陪投资部看地，沟通新挂牌地块',
    outcome: '对方看中两宗地，要详细测算',
    needs: '地块周边竞品、楼面价测算',
    environment: '投资部新来负责人，在梳理土地储备',
    entryPoint: '地块可研测算',
    nextStep: '三天内发两宗地的测算简报',
    seg: ['dev'],
  },
  {
    summary: '拜访营销总监，了解去化情况',
    outcome: '去化放慢，想调整推盘节奏',
    needs: '推盘节奏和价格策略建议',
    environment: '营销团队压力大，月度指标没完成',
    entryPoint: '竞品价格监测周报',
    nextStep: '下周送竞品价格监测样本',
    seg: ['dev'],
  },
  {
    summary: '拜访对方，交流本地市场情况',
    outcome: '对方愿意互相推荐客户',
    needs: '片区成交和库存数据',
    environment: '业务量比去年少，在找新的项目来源',
    entryPoint: '按季度互换市场数据',
    nextStep: '下月初发季度市场数据',
    seg: ['service'],
  },
  {
    summary: '拜访总经理，介绍我们掌握的在建项目',
    outcome: '对方对铜山、新城区几个项目有兴趣',
    needs: '明年开工项目和开发商决策人',
    environment: '今年订单不足，在开拓新开发商',
    entryPoint: '按区域整理项目清单，推荐两三个重点项目',
    nextStep: '一周内发项目清单',
    seg: ['supplier', 'service'],
  },
  {
    summary: '到对方工厂参观，了解产品和产能',
    outcome: '产能有富余，想进更多本地开发商的供应商库',
    needs: '开发商招采入库渠道',
    environment: '工厂刚扩产，销售团队人手不够',
    entryPoint: '介绍两家正在招采的开发商',
    nextStep: '约开发商采购部一起见面',
    seg: ['supplier'],
  },
  {
    summary: '拜访经营部，了解投标情况',
    outcome: '上半年中了两个标，想多跟住宅项目',
    needs: '住宅项目招标信息',
    environment: '经营部新换了负责人',
    entryPoint: '每周发一次招标信息汇总',
    nextStep: '下周开始发招标信息汇总',
    seg: ['supplier'],
  },
  {
    summary: '上门回访，听取对方对项目信息服务的意见',
    outcome: '对方满意，希望信息再早一点',
    needs: '项目拿地后就能拿到信息',
    environment: '和两家开发商已经在谈合作',
    entryPoint: '土地成交当天推送竞得人信息',
    nextStep: '把土地成交快讯加到推送里',
    late: true,
    seg: ['supplier', 'service'],
  },
];

export const MEETINGS: Line[] = [
  { summary: '方案汇报会，对方营销、投资部门参加', outcome: '整体认可，要补两处数据', seg: ['dev', 'service'] },
  { summary: '参加对方季度市场研判会', outcome: '会上讲了本季度土地市场走势', seg: ['dev', 'service'] },
  { summary: '约开发商采购部和对方一起见面', outcome: '双方交换了资料，约好再对接', seg: ['supplier'] },
  { summary: '参加对方年度供应商交流会', outcome: '认识了几家开发商的采购负责人', seg: ['supplier'] },
  { summary: '合同谈判', outcome: '价格基本谈妥，付款方式待定', late: true },
  { summary: '线上会议：报告中期沟通', outcome: '调整了调研样本范围', late: true },
];

export const FRIDAY = ['周五问候，祝周末愉快', '周五微信问候，聊了几句家常', '周五问候，约下周找时间喝茶'];
export const BIRTHDAY = ['生日祝福，送了蛋糕券', '生日当天微信祝福，寄了一盒茶叶'];
/** Holiday wishes, sent on the day itself (the dates are the greetings service's own). */
export const HOLIDAY_GREETINGS: Partial<Record<HolidayKey, string[]>> = {
  new_year: ['元旦问候', '元旦微信问候，祝新年顺利'],
  spring_festival: ['春节拜年', '春节电话拜年'],
  labour_day: ['五一劳动节问候'],
  dragon_boat: ['端午节问候，送了粽子'],
  mid_autumn: ['中秋节问候，送了月饼', '中秋节微信问候'],
  national_day: ['国庆节问候'],
};

export const NOTES = [
  '内部备注：对方决策链为董事长—总经理—营销总监',
  '内部备注：另一家咨询公司也在接触，报价要注意',
  '内部备注：付款周期长，合同里写清付款节点',
  '资料归档：公司简介（编号 01）、产品介绍（编号 02）',
  '内部备注：总机号码已核实，仍然有效',
  '内部备注：对方更习惯用微信沟通',
  '内部备注：联系人换了手机号，已更新',
];

/** The note written when a land winner is captured; {parcel} is its number and location. */
export const LAND_WON = '从土地出让结果公告录入：竞得 {parcel}，尽快首次电话联系';
/** A call that fixed the next visit: its summary, and its outcome ({date} is the local date). */
export const BOOK_VISIT = '电话约拜访时间';
export const VISIT_AGREED = '约定{date}上门拜访';
/** The first thing filed after the company's materials were collected. */
export const FILED = '收集资料：公司简介、主要项目，已归档';
