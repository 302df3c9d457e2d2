import { WaitingRow } from "../../db";
import { compareBytes } from "../core";

/**
 * One list of a run's outcomes (its ties, or its skips), kept compact while the product groups
 * are planned one after another: parallel arrays of numbers and the two id strings, not an object
 * per pre-order item, so a run over 100,000 waiting items holds a few megabytes, not the rows it read.
 */
export class Outcomes {
  readonly id: number[] = [];
  readonly quantity: number[] = [];
  /** Per outcome: the PO item's id (a tie) or the index of the skip reason (a skip). */
  readonly tag: number[] = [];
  private readonly orderDate: number[] = [];
  readonly orderId: string[] = [];
  readonly seqId: string[] = [];

  get length(): number {
    return this.id.length;
  }

  push(item: WaitingRow, tag: number): void {
    this.id.push(item.id);
    this.quantity.push(item.quantity);
    this.tag.push(tag);
    this.orderDate.push(item.orderDate.getTime());
    this.orderId.push(item.orderId);
    this.seqId.push(item.orderItemSeqId);
  }

  /**
   * The outcomes' positions first in first out (rule 4: order date, order id, item seq id, ids
   * byte by byte as the databases' binary collations sort them): one order across all the product groups.
   */
  firstInFirstOut(): Uint32Array {
    const order = Uint32Array.from({ length: this.length }, (_, i) => i);
    return order.sort((a, b) => (this.orderDate[a] - this.orderDate[b]) || compareBytes(this.orderId[a], this.orderId[b]) || compareBytes(this.seqId[a], this.seqId[b]));
  }
}
