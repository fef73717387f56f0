/**
 * exceljs, loaded on first use: it is a quarter of the server's start-up time, and most starts
 * never read or write a spreadsheet.
 */
export const loadExcel = async () => (await import('exceljs')).default;
