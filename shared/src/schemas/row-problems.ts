import { z } from 'zod';

/**
 * What is wrong with a row of an import, as a code: the import screen says it in the user's
 * words, the command line and the API's `why` in these English ones. `value` is the cell as
 * written; `expected`, for a choice, the codes it may take.
 */
export const ROW_PROBLEMS = {
  not_tier: (v: string) => `"${v}" is not a tier (A/B/C, 甲/乙/丙, 重要/一般/普通)`,
  not_choice: (v: string, expected = '') => `"${v}" is not one of ${expected}`,
  rounded_number: (v: string) =>
    `"${v}" lost its digits (Excel wrote it as a rounded number); format the column as text and save again`,
  not_phone: (v: string) => `"${v}" is not a phone number`,
  not_date: (v: string) => `"${v}" is not a date`,
  not_date_time: (v: string) => `"${v}" is not a date and time`,
  not_yes_no: (v: string) => `"${v}" is not yes or no`,
  not_email: (v: string) => `"${v}" is not an e-mail address`,
  not_website: (v: string) => `"${v}" is not a web address`,
  not_credit_code: (v: string) => `"${v}" is not a valid unified social credit code`,
  not_icp: (v: string) => `"${v}" is not an ICP licence number`,
  not_key: (v: string) => `"${v}" is not a valid key`,
  not_interaction_kind: (v: string) => `"${v}" is not an interaction kind`,
  not_intention: (v: string) => `"${v}" is not high, medium or low`,
  visit_unreadable: () => 'the visit record is not readable',
  not_yet: (v: string) => `a contact on ${v} has not happened yet`,
  no_person_name: () => 'contact details without a contact name',
  no_name: () => 'company name is missing',
  mailing_list: () =>
    'a mailing list named by its e-mail addresses, not a contact (its people come from their own rows)',
  heading: (v: string) => `"${v}" is a heading of the sheet, not a customer: kept in the notes of the rows under it`,
  footer: (v: string) => `"${v}" is a total or a footer of the report, not a customer`,
} satisfies Record<string, (value: string, expected?: string) => string>;

export type RowProblem = keyof typeof ROW_PROBLEMS;
export const RowProblem = z.enum(Object.keys(ROW_PROBLEMS) as [RowProblem, ...RowProblem[]]);
