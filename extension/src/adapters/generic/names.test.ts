import { describe, expect, it } from 'vitest';
import { linesOf, textOf } from '../dom.ts';
import { siteName } from './names.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const nameOf = (html: string, url = 'https://www.example.org/page') => {
  const doc = parse(html);
  return siteName(doc, new URL(url), linesOf(doc.body), textOf(doc.body));
};

describe("the site's own name", () => {
  it('the site name without its tagline, confirmed by the title and the domain', () => {
    expect(
      nameOf(
        '<head><title>Three Ways to Lead — Postlight — Digital Strategy</title><meta name="og:site_name" value="Postlight — Digital Strategy, Design and Engineering"></head><body><h1>Three Ways to Lead</h1></body>',
        'https://postlight.com/insights/x',
      ),
    ).toBe('Postlight');
  });

  it('a logo’s alt text is not a name when what is left is a phrase ("Logo del Parco") or ends in "Weblogo"', () => {
    expect(
      nameOf(
        `<head><title>ORSO MARSICANO | Parco Nazionale d'Abruzzo, Lazio e Molise</title></head><body><a href="index.php"><img src="grafix/logo-parco.png" alt="Logo del Parco"></a><h1>ORSO MARSICANO</h1><div>&copy; 2020 Ente Parco Nazionale d'Abruzzo Lazio e Molise</div><div>Tel. 0863/91131</div></body>`,
        'https://www.parcoabruzzo.it/dettaglio.php?id=1',
      ),
    ).toBe("Ente Parco Nazionale d'Abruzzo Lazio e Molise");
    expect(
      nameOf(
        '<head><title>Baumgutachten</title></head><body><a href="index.htm"><img src="img/hoppelogo.jpg" alt="Planungsbüro Hoppe - Weblogo"></a><p>© Planungsbüro Hoppe</p></body>',
        'http://www.buero-hoppe.de/baumgutachten.htm',
      ),
    ).toBe('Planungsbüro Hoppe');
  });

  it('a logo’s alt text with a typo gives way to the spelling the page writes', () => {
    const footer =
      '<p>Planungsbüro G. & L. Hoppe<br>Landschaftsarchitekten BDLA<br>Eckleinjarten 6<br>27580 Bremerhaven<br><br>Tel.: 0471 80 60 745<br><a href="mailto:info@buero-hoppe.de">info@buero-hoppe.de</a></p><p>© 2019: G. & L. Hoppe</p>';
    expect(
      nameOf(
        `<head><title>Baumgutachten</title></head><body><a href="index.htm"><img src="img/hoppelogo.jpg" alt="Planungbüro G. & L. Hoppe - Weblogo"></a><p>Seit 30 Jahren hat das Planungsbüro G. & L. Hoppe Gutachten erstellt.</p>${footer}</body>`,
        'http://www.buero-hoppe.de/baumgutachten.htm',
      ),
    ).toBe('Planungsbüro G. & L. Hoppe');
  });

  it('the first part of a domain confirms the name it spells, a theme’s demo company does not win', () => {
    expect(
      nameOf(
        '<head><title>Ben Wilson Surf - Point of Sail - Segelmacher und Kite Shop in Kiel</title></head><body><h1>Ben Wilson Surf</h1><div><h4>Get in touch</h4><p><strong>Cybersteel Inc.</strong><br>376-293 City Road, Suite 600<br>San Francisco, CA 94102</p></div><footer><h4>Kontakt</h4><p><strong>Point of Sail</strong><br>Weißenburgstr. 4<br>24116 Kiel</p><p>+49 431 – 5 36 22 67</p></footer></body>',
        'http://www.pointofsail-kiel.de/artikel/ben-wilson-surf.html',
      ),
    ).toBe('Point of Sail');
  });

  it('a registered association’s name over its address, written "e. V."', () => {
    expect(
      nameOf(
        '<head><title>Pressemitteilung - zvei.org</title><meta property="og:site_name" content="ZVEI"></head><body><h1>Pressemitteilung</h1><footer><h5>ZVEI e. V.</h5><p>Lyoner Straße 9<br>60528 Frankfurt am Main</p><p>Telefon: +49 69 6302-0</p></footer></body>',
        'https://www.zvei.org/presse/x',
      ),
    ).toBe('ZVEI e. V.');
  });

  it('an abbreviation gives way to what it abbreviates', () => {
    expect(
      nameOf(
        '<head><title>Masters-Debüt - ÖTV - Österreichischer Tennisverband</title></head><body><h1>Masters-Debüt</h1><p>Tel.: +43 1 865 45 06</p><div>© 2022 ÖTV | Österreichischer Tennisverband</div></body>',
        'https://www.oetv.at/news',
      ),
    ).toBe('Österreichischer Tennisverband');
  });

  it('a short name becomes the legal name the page shows', () => {
    expect(
      nameOf(
        '<head><title>Windpark startet | EnBW</title></head><body><h1>Windpark startet</h1><p>© EnBW Energie Baden-Württemberg AG 2022. Alle Rechte vorbehalten.</p></body>',
        'https://www.enbw.com/presse/x.html',
      ),
    ).toBe('EnBW Energie Baden-Württemberg AG');
    expect(
      nameOf(
        '<head><title>大中恒橡胶</title></head><body><img src="/images/logo.jpg" alt="大中恒LOGO源文件.png"><p>青岛大中恒橡胶有限公司坐落在美丽的海滨城市青岛。</p><p>联系电话：13708957511</p></body>',
        'http://localhost:8080/about',
      ),
    ).toBe('青岛大中恒橡胶有限公司');
  });

  it('reads Chinese titles and the organisation that heads a contact block, 公司 or not', () => {
    expect(
      nameOf(
        '<head><title>联系我们-山东蒙星机械有限公司</title></head><body><p>山东蒙星机械有限公司</p><p>电话：0539-5736129</p></body>',
      ),
    ).toBe('山东蒙星机械有限公司');
    expect(
      nameOf('<body><p>荣兴制冷设备经营有限公司联系方式</p><p>电 话：0371-63881142</p><p>邮 箱：x@qq.com</p></body>'),
    ).toBe('荣兴制冷设备经营有限公司');
    expect(
      nameOf(
        '<head><title>联系我们_河南省心电学诊疗中心</title></head><body><p>河南省心电学诊疗中心：郑州市金水区经八路2号，郑州大学第二附属医院门诊楼</p><p>电话：0371-63974141</p></body>',
      ),
    ).toBe('河南省心电学诊疗中心');
  });

  it('names nothing when only one weak sign points anywhere', () => {
    expect(nameOf('<head><title>Welcome</title></head><body><p>Hello</p></body>')).toBeUndefined();
    expect(nameOf('<head><title>A story about the weather</title></head><body><h1>Rain</h1></body>')).toBeUndefined();
  });
});

describe('what is not a name', () => {
  it('drops what follows a name in footers and alt texts, and identifiers and sentences', () => {
    expect(
      nameOf(
        '<head><title>Post | changelog</title></head><body><p>© 2020 changelog hosted by Vaubel Medienberatung</p><p>Tel. +49 89 98103987</p></body>',
        'https://changelog.blog/x',
      ),
    ).toBe('changelog');
    expect(
      nameOf(
        '<head><title>Quarantäne - Rosa-Luxemburg-Stiftung</title></head><body><a href="/"><img src="/logo.svg" alt="Rosa-Luxemburg-Stiftung: zur Startseite"></a></body>',
        'https://www.rosalux.de/news/1',
      ),
    ).toBe('Rosa-Luxemburg-Stiftung');
    expect(
      nameOf('<body><img src="/img/psl-footer.png" alt="psl-footer_2017"><p>© 2017 PSL</p></body>', 'https://psl.eu/'),
    ).not.toBe('psl-footer_2017');
  });

  it('a headline ending in Corporation next to a contact line is no name; a legal suffix keeps its stop', () => {
    expect(
      nameOf(
        '<body><p>ZF Friedrichshafen übernimmt Cherry Corporation</p><p>info@blog.example</p></body>',
        'https://blog.example/',
      ),
    ).toBeUndefined();
    expect(
      nameOf(
        '<head><title>Contact Us | Harbor Light Instruments</title></head><body><p>© 2024 Harbor Light Instruments Inc. · Privacy</p></body>',
        'https://www.harborlight-instruments.com/contact/',
      ),
    ).toBe('Harbor Light Instruments Inc.');
  });
});

describe('Chinese footers', () => {
  it('the holder named before 版权所有, 中学 and 小学 among organisations; 电话&传真 is both', async () => {
    expect(
      nameOf(
        '<body><div>绍兴市第一中学 版权所有 Copyright © SXYZ.NET All Rights Reserved.</div><div>地址：绍兴市站前大道1898号 电话&amp;传真：0575-85173853</div></body>',
        'http://www.sxyz.net/',
      ),
    ).toBe('绍兴市第一中学');
    const { runCapture } = await import('../index.ts');
    const c = runCapture(
      parse('<p>地址：绍兴市站前大道1898号 电话&amp;传真：0575-85173853</p>'),
      'http://www.sxyz.net/',
    );
    expect(c.company).toMatchObject({ phones: ['+8657585173853'], faxes: ['+8657585173853'] });
  });

  it('the legal name after the site’s brand in a © line, not the two together', () => {
    expect(
      nameOf(
        '<head><title>交通运输部：着力打造京津冀区域综合立体交通网络-股票频道-和讯网</title></head><body><p>客服电话：400-920-0022</p><p>Copyright©和讯网 北京和讯在线信息咨询服务有限公司</p></body>',
        'http://stock.hexun.com/2026-12-01/1.html',
      ),
    ).toBe('北京和讯在线信息咨询服务有限公司');
  });
});

describe('offices of one company', () => {
  it('the head office’s legal name, not a branch named by its city (北京分公司)', () => {
    const office = (name: string, addr: string) =>
      `<p>${name}：</p><p>联系电话：</p><p>400-118-0339</p><p>联系地址：${addr}</p>`;
    expect(
      nameOf(
        `<head><title>华时融合平台—联系我们</title></head><body><p>杭州华时科技有限公司（总部）：</p><p>总机：400-118-0339</p><p>总部地址：杭州市拱墅区萍水路333号御峰大厦610室</p>${office('北京分公司', '北京市海淀区上地雅美科技园A座3层')}${office('上海分公司', '上海市闸北区共和新路912号云华科技大厦20层')}${office('山东分公司', '济南市槐荫区经十路2677号')}</body>`,
        'http://www.huashi.com.cn/contact.html',
      ),
    ).toBe('杭州华时科技有限公司');
  });
});

describe('a bilingual © line', () => {
  it('on a Chinese page the Chinese legal name, not the English one before it', () => {
    expect(
      nameOf(
        '<body><p>公司地址：江苏省江阴市新桥镇阳光工业园</p><p>总　　机：0510-86121888</p><p>Copyright © 1986 - 2026 Jiangsu Sunshine Group Co., Ltd. All Rights Reserved. 江苏阳光集团有限公司版权所有【苏ICP备05002807号】</p></body>',
        'http://www.sunshine.com.cn/',
      ),
    ).toBe('江苏阳光集团有限公司');
  });

  it('on an English page the English one', () => {
    expect(
      nameOf(
        '<body><p>Address: Xinqiao Town, Jiangyin, Jiangsu, China</p><p>Tel: +86 510 8612 1888</p><p>Copyright © 1986 - 2026 Jiangsu Sunshine Group Co., Ltd. All Rights Reserved. 江苏阳光集团有限公司版权所有</p></body>',
        'http://en.sunshine.com.cn/',
      ),
    ).toBe('Jiangsu Sunshine Group Co., Ltd');
  });
});

describe('an about page', () => {
  it('is a company page with a name and no number; a news page with a copyright name is not', async () => {
    const { runCapture } = await import('../index.ts');
    const about = runCapture(
      parse(
        '<head><title>公司简介-青岛大中恒橡胶有限公司</title></head><body><h1>公司简介</h1><p>青岛大中恒橡胶有限公司坐落在美丽的海滨城市青岛。</p></body>',
      ),
      'http://www.dzh.example/about',
    );
    expect(about).toMatchObject({ kind: 'company', company: { name: '青岛大中恒橡胶有限公司' } });
    const news = runCapture(
      parse(
        '<head><title>人工智能迈上新台阶_科技_腾讯网</title></head><body><h1>人工智能迈上新台阶</h1><p>正文。</p><p>Copyright © 1998 - 2016 Tencent. All Rights Reserved 腾讯公司 版权所有</p></body>',
      ),
      'http://tech.qq.com/',
    );
    expect(news.kind).toBe('generic');
  });

  it("a brand's logo linking to the brand's page is not the shop's name", () => {
    // A shop's brand menu, in the desktop and the mobile menu as shops write it.
    const brandMenu =
      '<a href="/brand/royal-canin"><img src="https://cdn.example.net/Royal-Canin---Logo---Red.jpg" alt="Royal Canin"></a>';
    const shop = (ownLogo: string) =>
      `<head><title>Flea Tablets From £5.29</title></head><body><header>${ownLogo}</header><nav>${brandMenu}</nav><div class="mobile-menu">${brandMenu}</div><p>Call us: 0113 277 0634</p></body>`;
    expect(nameOf(shop('<img src="/img/logo.svg">'), 'https://www.tailwaggers.co.uk/cat/flea')).toBeUndefined();
    // The same brand's logo linking home is the site's own.
    expect(
      nameOf(
        shop('<a href="/"><img src="/img/logo.svg" alt="Tail Waggers"></a>'),
        'https://www.tailwaggers.co.uk/cat/flea',
      ),
    ).toBe('Tail Waggers');
  });

  it('the domain written out as a name in the prose names the site', () => {
    const page = (description: string) =>
      `<head><title>Flea Tablets From £5.29</title><meta property="og:description" content="${description}"></head><body><p>Visit www.tailwaggers.co.uk or mail shop@tailwaggers.co.uk</p><p>Call us: 0113 277 0634</p></body>`;
    expect(nameOf(page('Tail Waggers are the friendly online pet store.'), 'https://www.tailwaggers.co.uk/x')).toBe(
      'Tail Waggers',
    );
    // Domains are written without accents, sometimes with a number after the name.
    expect(
      nameOf(
        '<head><title>Mentions légales</title></head><body><p>Le contenu du site Thau Élagage est disponible à l’adresse https://thau-elagage34.fr</p><p>Tél : 06 28 35 00 83</p></body>',
        'https://thau-elagage34.fr/mentions-legales',
      ),
    ).toBe('Thau Élagage');
    // Written in lower case it is a word in a sentence or an address, not a name.
    expect(nameOf(page('the friendly online pet store'), 'https://www.tailwaggers.co.uk/x')).toBeUndefined();
  });

  it('a French legal form before the name; a form on the next line is not part of it', () => {
    expect(
      nameOf(
        '<head><title>Mentions légales</title></head><body><p>Le site aleris.fr est la propriété exclusive de <em>SAS Aleris</em>, qui l’édite.</p><h4>Aleris</h4><p>SAS au capital de 400 000,00 €</p><p>Tél : 01 86 39 01 40</p></body>',
        'https://aleris.fr/mentions-legales',
      ),
    ).toBe('SAS Aleris');
  });

  it('a title that is a legal name and nothing else, a headline title not', () => {
    expect(nameOf('<head><title>广东乔艺塑胶有限公司</title></head><body><p>联系我们</p></body>')).toBe(
      '广东乔艺塑胶有限公司',
    );
    expect(nameOf('<head><title>联系我们</title></head><body><p>欢迎</p></body>')).toBeUndefined();
  });
});
