// The search index lives with the SQLite store. Re-exported for the files not yet behind it
// (transfer/reindex.ts, transfer/vcard-import.ts, captures, merge, their tests); removed when they are.
export {
  BIGRAM_END,
  nameBigrams,
  reindexCustomer,
  type SearchCustomer,
  type SearchKey,
  type SearchPerson,
  searchRow,
} from '../store/sqlite/search.ts';
