import { describe, expect, it } from 'vitest';
import { runCapture } from '../index.ts';
import { isSystemSender } from './build.ts';
import { mailDate } from './dates.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('webmail as it is saved and shown (TZ Asia/Shanghai in this test run)', () => {
  it("reads Gmail's print view: sender, date, subject and the signature; never the owner above it", () => {
    const c = runCapture(
      parse(`<div class="bodycontainer"><table width="100%"><tr><td><img alt="Gmail"></td><td align="right"><font size="-1" color="#777"><b>Wang Jianguo &lt;wang.jg@jiahua-zy.com&gt;</b></font></td></tr></table><hr>
      <div class="maincontent"><table width="100%"><tr><td><font size="+1"><b>Quotation for gate valves</b></font><br><font size="-1" color="#777">1 message</font></td></tr></table><hr>
      <table width="100%" class="message"><tr><td><font size="-1"><b>Sarah Mitchell </b>&lt;sarah.mitchell@bayside.example&gt;</font></td><td align="right"><font size="-1">Tue, Jan 16, 2024 at 9:05 AM</font></td></tr>
      <tr><td colspan="2"><font size="-1" class="recipient"><div>To: Wang Jianguo &lt;wang.jg@jiahua-zy.com&gt;</div></font></td></tr>
      <tr><td colspan="2"><table width="100%" cellpadding="12"><tr><td><div style="overflow: hidden;"><font size="-1">Hi,<br>please confirm.<br><br>Sarah Mitchell<br>Procurement Manager<br>Bayside Filtration Inc.<br>Mobile: +1 510 555 0187</font></div></td></tr></table></td></tr></table></div></div>`),
      'https://mail.google.com/mail/u/0/?ik=abc&view=pt&search=all&permthid=thread-f:1',
    );
    expect(c.message).toEqual({
      fromName: 'Sarah Mitchell',
      fromEmail: 'sarah.mitchell@bayside.example',
      subject: 'Quotation for gate valves',
      date: '2024-01-16T09:05:00+08:00',
    });
    expect(c.people).toEqual([
      {
        name: 'Sarah Mitchell',
        title: 'Procurement Manager',
        mobile: '+15105550187',
        email: 'sarah.mitchell@bayside.example',
      },
    ]);
    expect(c.company?.name).toBe('Bayside Filtration Inc.');
    expect(c.company?.emails ?? []).not.toContain('wang.jg@jiahua-zy.com');
  });

  it('a list view gives no message, and neither the owner nor the senders of the list', () => {
    const c = runCapture(
      parse(`<title>Inbox - tag@gmail.com - Gmail</title><body><div role="main"><table><tr class="zA"><td><span email="no-reply@accounts.google.com">Google</span></td><td>Password changed - The password for your Google Account - tag@gmail.com - was recently changed</td></tr>
      <tr class="zA"><td><span email="li.ming@xz-steel.com">李明</span></td><td>报价 - 手机：139 5200 8866</td></tr></table></div></body>`),
      'https://mail.google.com/mail/u/0/#inbox',
    );
    expect(c).toMatchObject({ kind: 'webmail', company: null, people: [], message: null });
  });

  it("the owner's address (title, user box) and the recipients are not the company's", () => {
    const c = runCapture(
      parse(`<title>网易邮箱6.0版</title><body><span id="spnUid">wang_jg2024@163.com</span><div class="read"><ul>
        <li>发件人：刘志刚 &lt;liuzg@hb-jc.example&gt;</li><li>收件人：王建国 &lt;wang_jg2024@163.com&gt;</li><li>抄送：zhang@jiahua.example</li><li>时　间：2024年01月19日 14:06 (星期五)</li></ul>
        <p>刘志刚</p><p>电话：0311-8766 5432</p></div></body>`),
      'https://mail.163.com/js6/main.jsp?sid=x#module=read',
    );
    expect(c.company?.emails ?? []).toEqual([]);
    expect(c.message?.fromEmail).toBe('liuzg@hb-jc.example');
  });

  it('a system sender (no-reply, notifications) is no person', () => {
    expect(isSystemSender('Google', 'no-reply@accounts.google.com')).toBe(true);
    expect(isSystemSender('GitHub', 'notifications@github.com')).toBe(true);
    expect(isSystemSender('Team Twilio', 'info@twilio.com')).toBe(true);
    expect(isSystemSender('网易邮箱', 'postmaster@163.com')).toBe(true);
    expect(isSystemSender('李明', 'li.ming@xz-steel.com')).toBe(false);
    expect(isSystemSender('Sarah Mitchell', 'info@bayside.example')).toBe(false);
  });

  it('reads the times QQ Mail shows without a year or a day, relative to when they are read', () => {
    const now = new Date(2024, 0, 18, 16, 0);
    expect(mailDate('中午11:57', now)).toBe('2024-01-18T11:57:00+08:00');
    expect(mailDate('昨天 下午3:05', now)).toBe('2024-01-17T15:05:00+08:00');
    expect(mailDate('周三 下午3:18', now)).toBe('2024-01-17T15:18:00+08:00');
    expect(mailDate('12月30日 10:00', now)).toBe('2023-12-30T10:00:00+08:00');
    expect(mailDate('2024年1月18日(星期四) 中午11:57', now)).toBe('2024-01-18T11:57:00+08:00');
    expect(mailDate('附件 2 个 12:00 说明', now)).toBeUndefined();
  });
});

describe('webmail hosts', () => {
  it('one list decides which adapter reads a host', async () => {
    const { webmailAdapterFor, isWebmailHost } = await import('./hosts.ts');
    expect(webmailAdapterFor('exmail.qq.com')).toBe('qqmail');
    expect(webmailAdapterFor('en.mail.qq.com')).toBe('qqmail');
    expect(webmailAdapterFor('mail.126.com')).toBe('mail163');
    expect(webmailAdapterFor('mail.yeah.net')).toBe('mail163');
    expect(isWebmailHost('www.qq.com')).toBe(false);
    const page = runCapture(parse('<p>x</p>'), 'https://exmail.qq.com/cgi-bin/frame_html');
    expect(page.adapter).toBe('qqmail');
  });
});
