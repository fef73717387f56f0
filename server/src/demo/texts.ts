/** What was said: short, realistic lines in the customer's language, picked by the seeded PRNG. */

export interface Line {
  summary: string;
  outcome?: string;
  /** Only once a proposal is on the table: quotes, contracts, payments, reports in use. */
  late?: boolean;
}

export interface VisitLine extends Line {
  needs: string;
  environment: string;
  entryPoint: string;
  nextStep: string;
}

export interface Pools {
  firstCall: Line;
  call: Line[];
  email: Line[];
  sms: Line[];
  visit: VisitLine[];
  meeting: Line[];
  friday: string;
  birthday: string;
  /** Fixed-date holidays: [month, day, greeting]. */
  holidays: [number, number, string][];
  note: string[];
  /** The note written when a land winner is captured; {parcel} is its number and location. */
  landWon: string;
  /** A call that fixed the next visit: its summary, and its outcome ({date} is the local date). */
  bookVisit: string;
  visitAgreed: string;
  /** The first thing filed after the company profile was collected. */
  filed: string;
}

export const ZH: Pools = {
  firstCall: {
    summary: '初次电话联系，介绍我司土地市场研究与项目咨询服务',
    outcome: '对方同意先发公司介绍和样本报告看看',
  },
  call: [
    { summary: '电话沟通二期项目进度，对方下周内部开会', outcome: '等会议结果再跟进' },
    { summary: '电话回访月报使用情况', outcome: '对方认为成交数据有用，希望增加竞品去化数据', late: true },
    { summary: '电话介绍本月新挂牌地块情况', outcome: '对方对云龙湖片区地块感兴趣，要宗地图' },
    { summary: '电话询问新项目开盘计划', outcome: '预计下季度开盘，定价尚未确定' },
    { summary: '跟进报价，对方说价格偏高', outcome: '回去申请一次折扣', late: true },
    { summary: '电话确认合同条款', outcome: '对方法务在审核，预计本周内回复', late: true },
    { summary: '电话沟通付款进度', outcome: '财务说月底前安排付款', late: true },
    { summary: '电话未接通', outcome: '已发微信留言' },
    { summary: '电话了解对方今年的拿地计划', outcome: '计划在徐州再拿一到两块住宅地' },
    { summary: '电话推荐竞品项目调研服务', outcome: '对方让先发样本报告' },
    { summary: '电话问候并了解近况', outcome: '近期忙于项目交付，下月再细谈' },
    { summary: '电话沟通研究报告需求', outcome: '重点关注改善型产品和价格带' },
    { summary: '电话跟进上次发的方案', outcome: '方案已转给总经理，等反馈' },
    { summary: '电话了解竞争对手动态', outcome: '对方透露另一家咨询公司也在报价' },
    { summary: '电话通报本周土地成交结果', outcome: '对方索要成交地块的楼面价明细' },
    { summary: '电话确认报告交付时间', outcome: '约定本周五前交付', late: true },
  ],
  email: [
    { summary: '发送本月徐州土地市场月报' },
    { summary: '发送研究方案及报价单' },
    { summary: '发送竞品项目调研样本报告' },
    { summary: '发送合同草稿，请对方审阅', late: true },
    { summary: '发送会议纪要及后续工作计划' },
    { summary: '发送修订后的报价', late: true },
    { summary: '发送本周新挂牌地块清单' },
    { summary: '发送公司介绍和服务案例' },
  ],
  sms: [
    { summary: '短信提醒：本周有三宗住宅地块挂牌' },
    { summary: '短信确认明天拜访时间' },
    { summary: '微信发送地块成交快讯' },
  ],
  visit: [
    {
      summary: '拜访总经理，介绍年度研究服务',
      outcome: '对方有兴趣，要求出一份针对性方案',
      needs: '关注区域土地供应和竞品去化速度',
      environment: '营销团队刚扩编，新项目在筹备',
      entryPoint: '从土地情报周报切入，先做单项目研究',
      nextStep: '一周内提交方案',
    },
    {
      summary: '上门拜访，了解新项目定位',
      outcome: '对方在改善型和刚需之间犹豫',
      needs: '需要客群研究和价格带测算',
      environment: '决策由董事长拍板，营销部负责执行',
      entryPoint: '提供周边三个竞品的客群调研',
      nextStep: '下次带样本报告当面汇报',
    },
    {
      summary: '到项目现场踏勘，与工程部交流',
      outcome: '了解了工期和交付节点',
      needs: '工程进度节点与开盘时间匹配的市场窗口',
      environment: '项目主体封顶，售楼处在装修',
      entryPoint: '开盘前市场窗口分析',
      nextStep: '整理踏勘记录发给对方',
    },
    {
      summary: '拜访董事长，汇报服务成果',
      outcome: '董事长认可月报质量，提出增加周边县区数据',
      needs: '县区市场数据和土地储备机会',
      environment: '公司在调整区域布局，重视县区市场',
      entryPoint: '县区土地市场专项研究',
      nextStep: '两周内给出专项研究报价',
      late: true,
    },
    {
      summary: '陪同对方投资部看地，沟通新挂牌地块',
      outcome: '对方对两宗地块有兴趣，要详细测算',
      needs: '地块周边竞品、楼面价测算',
      environment: '投资部新来负责人，正在梳理土地储备',
      entryPoint: '地块可研测算',
      nextStep: '三天内发两宗地块的测算简报',
    },
    {
      summary: '拜访营销总监，了解去化情况',
      outcome: '去化放缓，想调整推盘节奏',
      needs: '推盘节奏和价格策略建议',
      environment: '营销团队压力大，月度指标未完成',
      entryPoint: '竞品价格监测周报',
      nextStep: '下周送竞品价格监测样本',
    },
  ],
  meeting: [
    { summary: '方案汇报会，对方营销、投资部门参加', outcome: '整体认可，需补充两处数据' },
    { summary: '参加对方季度市场研判会', outcome: '会上介绍了本季度土地市场走势' },
    { summary: '合同谈判会议', outcome: '价格基本谈妥，付款方式待定', late: true },
    { summary: '线上会议：研究报告中期沟通', outcome: '调整了调研样本范围', late: true },
  ],
  friday: '周五问候，祝周末愉快',
  birthday: '生日祝福，送上蛋糕券',
  holidays: [
    [1, 1, '元旦问候'],
    [5, 1, '五一劳动节问候'],
    [10, 1, '国庆节问候'],
  ],
  note: [
    '内部备注：对方决策链为董事长—总经理—营销总监',
    '内部备注：另一家咨询公司也在接触该客户，注意报价策略',
    '内部备注：付款周期较长，合同里写清付款节点',
    '资料归档：公司简介（编号 01）、产品介绍（编号 02）',
    '内部备注：总机号码已核实，仍然有效',
    '内部备注：对方更习惯用微信沟通',
  ],
  landWon: '从土地出让结果公告录入：竞得 {parcel}，尽快首次电话联系',
  bookVisit: '电话约拜访时间',
  visitAgreed: '约定{date}上门拜访',
  filed: '从公司网站收集资料：公司简介、主要项目，已归档',
};

export const EN: Pools = {
  firstCall: {
    summary: 'First call: introduced our land market research and advisory services',
    outcome: 'Asked for our company profile and a sample report',
  },
  call: [
    { summary: 'Call about the phase 2 schedule; their board meets next week', outcome: 'Follow up after the meeting' },
    {
      summary: 'Checked how they use the monthly report',
      outcome: 'Useful; they want absorption data on competing projects',
      late: true,
    },
    {
      summary: 'Walked through this month’s newly listed parcels',
      outcome: 'Interested in two residential parcels; sent the plot maps',
    },
    {
      summary: 'Asked about the launch plan for their new project',
      outcome: 'Launch expected next quarter; pricing still open',
    },
    {
      summary: 'Followed up on the quote; they find it high',
      outcome: 'Will ask for a discount internally',
      late: true,
    },
    { summary: 'Confirmed the contract terms', outcome: 'Legal is reviewing; answer expected this week', late: true },
    { summary: 'Call about the payment schedule', outcome: 'Finance will pay by month end', late: true },
    { summary: 'No answer', outcome: 'Left a message on WeChat' },
    {
      summary: 'Asked about their land acquisition plans this year',
      outcome: 'Looking at one or two sites in Jiangsu',
    },
    { summary: 'Pitched the competitor study', outcome: 'They asked for a sample first' },
    { summary: 'Catch-up call', outcome: 'Busy with a handover; talk again next month' },
    { summary: 'Discussed what the research should cover', outcome: 'Focus on upgrade buyers and price bands' },
    { summary: 'Followed up on the proposal we sent', outcome: 'Forwarded to the MD; waiting for feedback' },
    { summary: 'Shared this week’s land auction results', outcome: 'They want floor prices per parcel' },
  ],
  email: [
    { summary: 'Sent the monthly land market report' },
    { summary: 'Sent the proposal and the quote' },
    { summary: 'Sent a sample competitor study' },
    { summary: 'Sent the draft contract for review', late: true },
    { summary: 'Sent the meeting minutes and next steps' },
    { summary: 'Sent the revised quote', late: true },
    { summary: 'Sent this week’s list of newly listed parcels' },
  ],
  sms: [
    { summary: 'WeChat: confirmed tomorrow’s meeting time' },
    { summary: 'WeChat: shared a land auction flash note' },
  ],
  visit: [
    {
      summary: 'Visited the GM to present our annual research service',
      outcome: 'Interested; asked for a tailored proposal',
      needs: 'Land supply in the region and sell-through of competing projects',
      environment: 'Sales team just expanded; a new project is being prepared',
      entryPoint: 'Start with the weekly land intelligence, then a single-project study',
      nextStep: 'Send a proposal within a week',
    },
    {
      summary: 'Visit to understand the positioning of their new project',
      outcome: 'Still undecided between first-time and upgrade buyers',
      needs: 'Buyer profiling and price-band analysis',
      environment: 'The chairman decides; marketing executes',
      entryPoint: 'A buyer survey of three nearby competing projects',
      nextStep: 'Bring a sample report next time',
    },
    {
      summary: 'Site visit with their project team',
      outcome: 'Learnt the construction milestones',
      needs: 'A launch window that matches the construction schedule',
      environment: 'Structure topped out; sales gallery being fitted out',
      entryPoint: 'Pre-launch market window analysis',
      nextStep: 'Send the site visit notes',
    },
    {
      summary: 'Visited their investment team to go through newly listed parcels',
      outcome: 'Interested in two parcels; want a feasibility check',
      needs: 'Competing supply and floor-price benchmarks around the parcels',
      environment: 'New head of investment reviewing the land bank',
      entryPoint: 'Parcel feasibility notes',
      nextStep: 'Send short notes on both parcels within three days',
    },
    {
      summary: 'Met the sales director about slower sell-through',
      outcome: 'They may re-phase the next releases',
      needs: 'Release timing and pricing advice',
      environment: 'Sales team behind its monthly targets',
      entryPoint: 'Weekly competitor price tracking',
      nextStep: 'Send a sample of the price tracker next week',
    },
  ],
  meeting: [
    {
      summary: 'Proposal presentation to their marketing and investment teams',
      outcome: 'Broadly agreed; two data points to add',
    },
    { summary: 'Joined their quarterly market review', outcome: 'Presented this quarter’s land market trends' },
    { summary: 'Contract negotiation meeting', outcome: 'Price agreed; payment terms open', late: true },
    { summary: 'Video call: mid-term review of the study', outcome: 'Adjusted the survey sample', late: true },
  ],
  friday: 'Friday note: wished a good weekend',
  birthday: 'Birthday wishes sent with a small gift',
  holidays: [
    [1, 1, 'New Year greetings'],
    [12, 24, 'Christmas greetings'],
  ],
  note: [
    'Internal: decisions go through the MD and the head of investment',
    'Internal: a competitor is also talking to them; watch the pricing',
    'Internal: slow payer, spell out payment milestones in the contract',
    'Filed: company profile (No. 01) and product brochure (No. 02)',
    'Internal: prefers WeChat to e-mail for quick questions',
  ],
  landWon: 'Captured from the land result notice: won {parcel}; first call due now',
  bookVisit: 'Called to arrange a visit',
  visitAgreed: 'Agreed to meet on {date}',
  filed: 'Collected from their website: company profile and main projects, filed',
};
