/** The database layer: the only code that knows SQL dialects, transactions and locks. */
export { Db } from "./db";
export type { Work, WriteOptions } from "./db";
export { dialectOf } from "./dialect";
export type { Dialect } from "./dialect";
export { PAGE_SIZE, afterKeySql, decodeCursor, encodeCursor, keysetPage, orderBySql, pageSize } from "./keyset";
export type { KeyColumn, ListQuery, Ordering, Page } from "./keyset";
export { lockPurchaseOrder, lockSalesOrderItem, lockTiedItems, lockWaitingPage, peekSalesOrderItem } from "./locks";
export type { LockedPurchaseOrder, LockedSalesItem, TiedItem } from "./locks";
export * from "./rows";
export { chunk, execute, fromSqlDate, padToPowerOfTwo, placeholders, selectPrepared, sqlDate, sqlList, upsertRows } from "./sql";
