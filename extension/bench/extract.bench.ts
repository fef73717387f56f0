/**
 * Extraction time on a ~1 MB page: `tsx bench/extract.bench.ts` (from extension/).
 * The page is a realistic company site — header, contact block, JSON-LD, leaders, footer —
 * whose product and news sections repeat until the HTML passes 1 MB. runCapture runs 30 times
 * after 5 warm-ups; the baseline is a plain `doc.body.textContent` over the same DOM in the same
 * run, so the ratio says how much the extractors cost beyond touching every text node once.
 * Prints one JSON object: { name, bytes, medianMs, p95Ms, baselineMs }.
 */
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import { runCapture } from '../src/capture/index.ts';

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

function page(minBytes: number): string {
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? 0;

const html = page(1024 * 1024);
const url = 'https://www.jiahua-zy.com/project/';
const window = new Window({
  url,
  settings: {
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});
const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function time(fn: () => unknown, warmups: number, runs: number): number[] {
  for (let i = 0; i < warmups; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

const extract = time(() => runCapture(doc, url), 5, 30);
const baseline = time(() => doc.body.textContent?.length, 5, 30);
await window.happyDOM.close();
const round = (n: number) => Math.round(n * 100) / 100;
console.log(
  JSON.stringify({
    name: 'extract-1mb',
    bytes: Buffer.byteLength(html),
    medianMs: round(median(extract)),
    p95Ms: round(p95(extract)),
    baselineMs: round(median(baseline)),
  }),
);
