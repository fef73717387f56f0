/**
 * A ~1 MB realistic company page for extraction benchmarks (happy-dom here, real Chromium in
 * test/bench/extract-browser.ts): header, contact block, JSON-LD, leaders, footer, with product
 * and news sections repeated until the HTML passes the size asked for.
 */
export const PAGE_URL = 'https://www.jiahua-zy.com/project/';

const HEAD = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>徐州嘉华置业有限公司</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"嘉华置业","legalName":"徐州嘉华置业有限公司","telephone":"0516-87654321","url":"https://www.jiahua-zy.com/"}</script>
</head><body><div class="top"><span>售楼热线：0516-8765 9999</span></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/about/">关于嘉华</a></li><li><a href="/project/">项目展示</a></li><li><a href="/contact.html">联系我们</a></li></ul>`;

const SECTION = (i: number) => `<div class="section" id="s${i}">
<h3>嘉华·云龙湾 ${i} 期</h3>
<p>项目位于云龙区和平路以南，总建筑面积约 ${12000 + i} 平方米，规划住宅 ${300 + (i % 50)} 户，配套幼儿园与社区商业。2024-01-${String((i % 28) + 1).padStart(2, '0')} 开盘，均价 ${9800 + (i % 400)} 元/平方米。</p>
<table class="spec"><tr><td>楼栋</td><td>${i}#</td><td>层数</td><td>${18 + (i % 15)}</td></tr>
<tr><td>户型</td><td>三室两厅两卫</td><td>面积</td><td>${118 + (i % 20)}㎡</td></tr></table>
<ul class="news"><li><a href="/news/${i}.html">嘉华置业第${i}次业主开放日圆满举行</a><span>2024-02-${String((i % 27) + 1).padStart(2, '0')}</span></li>
<li><a href="/news/${i}b.html">订单号 2024${String(i).padStart(8, '0')} 的客户回访记录</a></li></ul>
</div>`;

const TAIL = `<div class="contact"><p>公司名称：徐州嘉华置业有限公司</p><p>电话：0516-87654321 转 808</p><p>传真：0516-87654322</p>
<p>联 系 人：王建国（销售经理）</p><p>手机：139 1234 5678</p><p>地址：江苏省徐州市云龙区和平路88号</p>
<p>董事长 王建国　总经理 李明</p></div>
<div class="footer">Copyright © 2024 徐州嘉华置业有限公司 版权所有 苏ICP备16012345号-1</div></body></html>`;

export function page(minBytes: number): string {
  const parts = [HEAD];
  let size = Buffer.byteLength(HEAD) + Buffer.byteLength(TAIL);
  for (let i = 0; size < minBytes; i++) {
    const s = SECTION(i);
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  parts.push(TAIL);
  return parts.join('\n');
}

export const LAND_URL = 'https://www.xzggzy.cn/jyxx/td/result.html';

const LAND_HEAD = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>国有建设用地使用权挂牌出让结果公示</title></head>
<body><div class="ewb-location">当前位置：首页 &gt; 交易信息 &gt; 土地矿业 &gt; 成交公示</div>
<h3>徐州市国有建设用地使用权挂牌出让结果公示</h3><p>现将结果公示如下：</p>
<table border="1"><tr><th>序号</th><th>地块编号</th><th>宗地位置</th><th>出让面积(公顷)</th><th>土地用途</th><th>出让方式</th><th>起始价(万元)</th><th>成交价(万元)</th><th>竞得人</th><th>成交时间</th></tr>`;

const LAND_ROW = (i: number) =>
  `<tr><td>${i + 1}</td><td>徐土${2000 + Math.floor(i / 1000)}-${i % 1000}号</td><td>铜山区北京北路东${i}号地块</td><td>${(1 + (i % 90) / 10).toFixed(4)}</td><td>${i % 3 ? '工业用地' : '商住用地'}</td><td>挂牌</td><td>${3000 + i}</td><td>${3600 + i}</td><td>徐州第${i}置业有限公司</td><td>2024-01-${String((i % 28) + 1).padStart(2, '0')}</td></tr>\n`;

const LAND_TAIL = `</table><p>联系人：张工　联系电话：0516-8580 1234</p>
<div class="footer">主办单位：徐州市公共资源交易中心　苏ICP备05019723号</div></body></html>`;

/** A land result page whose table has as many parcels as it takes to pass `minBytes`. */
export function landPage(minBytes: number): { html: string; parcels: number } {
  const parts = [LAND_HEAD];
  let size = Buffer.byteLength(LAND_HEAD) + Buffer.byteLength(LAND_TAIL);
  let i = 0;
  for (; size < minBytes; i++) {
    const r = LAND_ROW(i);
    parts.push(r);
    size += Buffer.byteLength(r);
  }
  parts.push(LAND_TAIL);
  return { html: parts.join(''), parcels: i };
}
