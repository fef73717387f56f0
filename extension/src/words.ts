import { captureWords } from './capture/words.ts';
import { boardWords } from './dashboard/board/words.ts';
import { commitmentsWords } from './dashboard/commitments/words.ts';
import { dashboardWords } from './dashboard/common/words.ts';
import { customersWords } from './dashboard/customers/words.ts';
import { duplicatesWords } from './dashboard/duplicates/words.ts';
import { fileWords } from './dashboard/file/words.ts';
import { greetingsWords } from './dashboard/greetings/words.ts';
import { importWords } from './dashboard/import/words.ts';
import { lostWords } from './dashboard/lost/words.ts';
import { pipelineWords } from './dashboard/pipeline/words.ts';
import { reclassWords } from './dashboard/reclass/words.ts';
import { sheetWords } from './dashboard/sheet/words.ts';
import { visitWords } from './dashboard/visit/words.ts';
import { logWords } from './log/words.ts';
import { notificationsWords } from './notifications/words.ts';
import { optionsWords } from './options/words.ts';
import { outboxWords } from './outbox/words.ts';
import { panelWords } from './panel/words.ts';
import { dueWords, type Locale, type Words } from './platform/i18n/words.ts';
import { contactPointWords } from './platform/ui/point-words.ts';
import { uiWords } from './platform/ui/words.ts';

/** Every feature's and every view's words in one language, as the pages are given them. */
const all = (locale: Locale): Words => ({
  ...dueWords[locale],
  ...uiWords[locale],
  ...contactPointWords[locale],
  ...logWords[locale],
  ...outboxWords[locale],
  ...captureWords[locale],
  ...panelWords[locale],
  ...optionsWords[locale],
  ...notificationsWords[locale],
  dashboard: {
    ...dashboardWords[locale],
    ...boardWords[locale],
    ...customersWords[locale],
    ...fileWords[locale],
    ...sheetWords[locale],
    ...visitWords[locale],
    ...commitmentsWords[locale],
    ...reclassWords[locale],
    ...greetingsWords[locale],
    ...lostWords[locale],
    ...pipelineWords[locale],
    ...importWords[locale],
    ...duplicatesWords[locale],
  },
});

/** The extension's words in each language (the pages' I18nProvider, tests). */
export const dictionaries: Record<Locale, Words> = { en: all('en'), 'zh-CN': all('zh-CN') };
