/**
 * The pod queue: first-fit-decreasing order, retried until a whole pass makes no progress.
 *
 * @module
 */

/** What the queue needs to order one entry. */
export interface QueueEntryKey {
  /** Milli-CPU requested. */
  readonly cpu: number;
  /** Bytes of memory requested. */
  readonly memory: number;
  /** Creation time in ms since the epoch (0 when unknown). */
  readonly created: number;
  /** The pod's uid, or `namespace/name` when it has none. */
  readonly uid: string;
}

/**
 * Upstream's queue order: cpu descending, memory descending, creation time ascending, uid ascending.
 *
 * @param a - one entry
 * @param b - another entry
 * @returns negative when `a` goes first
 */
export function compareQueueEntries(a: QueueEntryKey, b: QueueEntryKey): number {
  if (a.cpu !== b.cpu) return b.cpu - a.cpu;
  if (a.memory !== b.memory) return b.memory - a.memory;
  if (a.created !== b.created) return a.created - b.created;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/**
 * A FIFO of item indexes that stops once every remaining item has failed since the queue last shrank:
 * a pushed-back item remembers the queue length at push time, and meeting it again at the head with the
 * same length means a full cycle passed without progress.
 */
export class RetryQueue {
  private items: number[];
  private head = 0;
  private readonly lengthAtPush = new Map<number, number>();

  /**
   * @param ordered - item indexes in the order to try them first
   */
  constructor(ordered: readonly number[]) {
    this.items = [...ordered];
  }

  /** How many items are waiting. */
  get length(): number {
    return this.items.length - this.head;
  }

  /**
   * Takes the next item to try.
   *
   * @returns the item, or undefined when the queue is empty or no longer makes progress
   */
  pop(): number | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head] as number;
    if (this.lengthAtPush.get(item) === this.length) return undefined;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /**
   * Takes the next item whether or not the queue still makes progress (to account for every item
   * when a run stops early).
   *
   * @returns the item, or undefined when the queue is empty
   */
  drain(): number | undefined {
    if (this.head >= this.items.length) return undefined;
    return this.items[this.head++];
  }

  /**
   * Puts a failed item at the tail.
   *
   * @param item - the item that could not be placed
   */
  push(item: number): void {
    this.items.push(item);
    this.lengthAtPush.set(item, this.length);
  }
}
