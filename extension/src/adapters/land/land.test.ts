import { describe, expect, it } from 'vitest';
import { runCapture } from '../index.ts';
import { parcelsFromSentences } from './prose.ts';
import { isoDate } from './units.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const parcels = (html: string, url = 'http://localhost:8080/land/result.htm') => runCapture(parse(html), url).parcels;

describe('land pages as their systems print them', () => {
  it('reads a label grid whose cells the source indents, 签订日期 as the deal date, a US date month first', () => {
    const pad = (s: string) =>
      `<td>\n                                        ${s}\n                                    </td>`;
    const got = parcels(
      `<table><tr>${pad('宗地号')}${pad('福州2012年33次1号')}${pad('供地方式')}${pad('土地挂牌出让')}</tr>` +
        `<tr>${pad('位置')}${pad('罗源县某镇某村')}${pad('面积(平方米)')}${pad('1000.00')}</tr>` +
        `<tr>${pad('土地用途')}${pad('工业用地(造纸及纸制品业：面积 1000平方米、出让年限 50年);')}${pad('竞得人')}${pad('王五')}</tr>` +
        `<tr>${pad('签订日期')}${pad('11/07/2012 15:42:40')}${pad('成交价(万元)')}${pad('1680.00')}</tr></table>`,
    );
    expect(got).toEqual([
      {
        parcelNo: '福州2012年33次1号',
        method: '土地挂牌出让',
        location: '罗源县某镇某村',
        areaM2: 1000,
        use: '工业用地',
        winner: '王五',
        dealDate: '2012-11-07',
        dealPrice: 16800000,
      },
    ]);
    expect(isoDate('2012年11月7日')).toBe('2012-11-07');
  });

  it('lines columns up under a header cell that spans several; takes the method the notice states once', () => {
    const got = parcels(
      `<table><tr><td>出让方式：</td><td>网上挂牌</td></tr></table><table>
        <tr><td rowspan="2">宗地号</td><td rowspan="2">土地位置</td><td rowspan="2">土地面积<br>(平方米)</td><td colspan="3">规划指标要求</td><td rowspan="2">履约保证金<br>(万元)</td><td rowspan="2">起始价<br>(万元)</td></tr>
        <tr><td>容积率</td><td>建筑密度</td><td>绿地率</td></tr>
        <tr><td>福州2012年33次1号</td><td>罗源县某镇某村</td><td>1000.00</td><td>5</td><td>25</td><td>35</td><td></td><td>1600.0</td></tr></table>`,
    );
    expect(got).toEqual([
      {
        parcelNo: '福州2012年33次1号',
        location: '罗源县某镇某村',
        areaM2: 1000,
        startPrice: 16000000,
        method: '网上挂牌',
      },
    ]);
  });

  it('keeps two rows of a result list that share a location, once each; an area column without a unit in hectares', () => {
    const row = (loc: string, area: string, winner: string) =>
      `<tr><td>${loc}</td><td>${area}</td><td>工业用地</td><td>${winner}</td><td>2024-01-10</td></tr>`;
    const got = parcels(
      `<table><tr><th>土地坐落</th><th>面积</th><th>土地用途</th><th>受让单位</th><th>签订日期</th></tr>${row('武进区某镇', '2.5', '甲公司')}${row('武进区某镇', '1.2345', '乙公司')}${row('武进区某镇', '1.2345', '乙公司')}</table>`,
    );
    expect(got).toEqual([
      { location: '武进区某镇', areaM2: 25000, use: '工业用地', winner: '甲公司', dealDate: '2024-01-10' },
      { location: '武进区某镇', areaM2: 12345, use: '工业用地', winner: '乙公司', dealDate: '2024-01-10' },
    ]);
  });

  it('reads a deal reported in a headline', () => {
    expect(parcelsFromSentences('万科：9614.5万元竞得常州市工业用地')).toEqual([
      { winner: '万科', dealPrice: 96145000, use: '工业用地', location: '常州市' },
    ]);
    expect(parcelsFromSentences('常州某某科技有限公司：1.2亿元摘得武进区2024-15号地块')).toEqual([
      { winner: '常州某某科技有限公司', dealPrice: 120000000, parcelNo: '武进区2024-15' },
    ]);
  });
});
