import { chineseSurname } from '@dossier/shared';

export type Occasion = { kind: 'friday' } | { kind: 'birthday' } | { kind: 'holiday'; zh: string; en: string };

/**
 * What a draft may use: the person's name and title, and the one line the account manager wrote
 * for greetings. Preferences and notes are private and never reach a message.
 */
export interface DraftPerson {
  id: number;
  name: string;
  title: string | null;
  greetingHook: string | null;
}

const CJK = /[\u3400-\u9fff]/;

/** 王建国 + 董事长 → 王董事长; + 总经理 → 王总; 欧阳娜娜 + 总监 → 欧阳总监; otherwise the full name. */
function chineseAddress(name: string, title: string | null): string {
  if (!title) return name;
  const surname = chineseSurname(name);
  if (title.includes('董事长')) return `${surname}董事长`;
  if (/总经理|总裁/.test(title)) return `${surname}总`;
  // 总监 and 总工 are titles of their own, not 总.
  for (const t of ['总监', '经理', '主任', '局长', '处长', '科长', '部长', '院长', '书记', '主管']) {
    if (title.includes(t)) return `${surname}${t}`;
  }
  if (/^总|总$/.test(title)) return `${surname}总`;
  return name;
}

const firstName = (name: string) => name.split(/\s+/)[0] ?? name;

/**
 * Sentences joined so each ends with exactly one mark: the writer's own mark is kept when it has
 * one, otherwise `mark` is added; marks doubled across the joins (！。 。， ..) collapse to the first.
 */
function sentences(parts: (string | null | undefined)[], mark: string, space: string): string {
  const ends = /[。！？!?.…]$/u;
  return parts
    .map((p) => p?.trim().replace(/[，,；;、:：\s]+$/u, ''))
    .filter((p): p is string => Boolean(p))
    .map((p) => (ends.test(p) ? p : `${p}${mark}`))
    .join(space)
    .replace(/([。！？!?])[。！？!?，,.]+/gu, '$1');
}

/**
 * A personal draft in the person's own language (Chinese name → Chinese). Varies the wording by
 * person so a list of drafts never reads as a circular letter; the user edits before sending.
 */
export function greetingDraft(p: DraftPerson, occasion: Occasion): string {
  const pick = <T>(xs: T[]) => xs[p.id % xs.length] as T;
  const hook = p.greetingHook;
  if (CJK.test(p.name)) {
    const who = chineseAddress(p.name, p.title);
    if (occasion.kind === 'birthday') {
      return sentences(
        [
          `${who}，生日快乐！`,
          pick(['祝您身体健康、万事顺意', '愿新的一岁事业兴旺、阖家幸福', '感谢您一直以来的支持，祝您生日愉快']),
          hook,
        ],
        '。',
        '',
      );
    }
    if (occasion.kind === 'holiday') {
      return sentences(
        [
          `${who}，${occasion.zh}快乐！`,
          pick([
            '感谢您对我们工作的支持，祝您和家人节日愉快、万事如意',
            '值此佳节，祝您阖家幸福、身体安康',
            '节日期间注意休息，祝您一切顺利',
          ]),
          hook,
        ],
        '。',
        '',
      );
    }
    return sentences(
      [
        `${who}，${pick(['周末愉快！这周辛苦了', '又到周五了，这周辛苦了', '周末好！'])}`,
        hook ?? '祝您周末休息好',
        pick(['下周有空再向您汇报项目进展', '有什么需要随时吩咐', null]),
      ],
      '。',
      '',
    );
  }
  const who = firstName(p.name);
  if (occasion.kind === 'birthday') {
    return sentences(
      [
        `Happy birthday, ${who}!`,
        pick([
          'Wishing you a great year ahead',
          'Thank you for working with us — enjoy your day',
          'All the best for the year to come',
        ]),
        hook,
      ],
      '.',
      ' ',
    );
  }
  if (occasion.kind === 'holiday') {
    return sentences(
      [
        `Dear ${who}, happy ${occasion.en}!`,
        pick([
          'Thank you for your trust this year',
          'Wishing you and your family a wonderful time',
          'Enjoy the holiday',
        ]),
        hook,
      ],
      '.',
      ' ',
    );
  }
  return sentences(
    [
      `Hi ${who}, ${pick(['have a great weekend!', 'thanks for this week — enjoy the weekend.', 'wishing you a relaxing weekend.'])}`,
      hook,
    ],
    '.',
    ' ',
  );
}
