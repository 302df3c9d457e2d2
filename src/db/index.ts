/** The database layer: the only code that knows SQL dialects, transactions, lanes and locks. */
export { Db } from "./db";
export type { Database, Lane, Work, WriteOptions } from "./db";
export { dialectOf } from "./dialect";
export type { Dialect } from "./dialect";
export { PAGE_SIZE, afterKeySql, decodeCursor, encodeCursor, keysetPage, orderBySql, pageSize } from "./keyset";
export type { KeyColumn, ListQuery, Ordering, Page } from "./keyset";
export {
  HOLDS_TIE_SQL, holdsTie, lockPoItems, lockPurchaseOrder, lockSalesOrderItem, lockSalesOrderItems, lockTiedItems, peekSalesOrderItem, peekSalesOrderItems,
} from "./locks";
export type { LockedPurchaseOrder, LockedSalesItem, PeekedSalesItem, TiedItem } from "./locks";
export * from "./rows";
export { chunk, execute, fromSqlDate, padToPowerOfTwo, placeholders, presentKeys, selectPrepared, sqlDate, sqlList, upsertRows } from "./sql";
