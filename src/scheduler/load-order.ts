/**
 * Upstream's try order for planned node claims — by pod count, fewest first, as a stable sort before every pod
 * leaves it — kept in count buckets so that a claim gaining a pod moves in O(1) instead of one slot at a time.
 *
 * @module
 */

/** One claim's place in a {@link LoadOrder}. */
export interface LoadLink<T> {
  readonly item: T;
  /** The item's count (pods on the claim). */
  count: number;
  /** Position inside its count bucket: lower goes first. */
  rank: number;
  prev: LoadLink<T> | undefined;
  next: LoadLink<T> | undefined;
}

/**
 * Items in ascending count, stable: an item whose count grows by one goes to the front of its new count's
 * bucket (it preceded every item already there), a new item to the back of its count's bucket (it was
 * appended last). A doubly linked list with per-count first and last links: every move is O(1). mnemonist's
 * lists have no removal from the middle, which a move needs.
 */
export class LoadOrder<T> {
  /** The first item to try. */
  head: LoadLink<T> | undefined;
  private readonly first: (LoadLink<T> | undefined)[] = [];
  private readonly last: (LoadLink<T> | undefined)[] = [];
  private frontRank = 0;
  private backRank = 0;
  /** How many items the order holds. */
  length = 0;

  /**
   * Adds an item behind every item whose count is not above its own.
   *
   * @param item - the item
   * @param count - its count (at least 0)
   * @param rank - its rank, when another order assigns them (a sub-order of it); else one above every rank so far
   * @returns its link
   */
  append(item: T, count: number, rank: number = ++this.backRank): LoadLink<T> {
    const link: LoadLink<T> = { item, count, rank, prev: undefined, next: undefined };
    let before: LoadLink<T> | undefined;
    for (let c = count; c >= 0 && before === undefined; c--) before = this.last[c];
    this.insertAfter(link, before);
    this.last[count] = link;
    if (this.first[count] === undefined) this.first[count] = link;
    this.length++;
    return link;
  }

  /**
   * Moves an item whose count just grew by one to the front of its new count's bucket.
   *
   * @param link - the item's link (its count is still the old one)
   * @param rank - its new rank, when another order assigns them; else one below every rank so far
   */
  grew(link: LoadLink<T>, rank: number = --this.frontRank): void {
    const old = link.count;
    const wasLast = this.last[old] === link;
    if (this.first[old] === link) this.first[old] = link.next !== undefined && link.next.count === old ? link.next : undefined;
    if (wasLast) this.last[old] = link.prev !== undefined && link.prev.count === old ? link.prev : undefined;
    const stayBehind = this.last[old];
    // The last item left with the old count is ahead of it: the link goes right behind that one.
    if (!wasLast && stayBehind !== undefined) {
      this.unlink(link);
      this.insertAfter(link, stayBehind);
    }
    link.count = old + 1;
    link.rank = rank;
    this.first[old + 1] = link;
    if (this.last[old + 1] === undefined) this.last[old + 1] = link;
  }

  /**
   * Adds an item in front of every item with its count, behind every item with less (an item that just grew
   * and joins this order from another: its rank is below every rank so far).
   *
   * @param item - the item
   * @param count - its count (at least 0)
   * @param rank - its rank in the order that assigns them
   * @returns its link
   */
  prepend(item: T, count: number, rank: number): LoadLink<T> {
    const link: LoadLink<T> = { item, count, rank, prev: undefined, next: undefined };
    let before: LoadLink<T> | undefined;
    for (let c = count - 1; c >= 0 && before === undefined; c--) before = this.last[c];
    this.insertAfter(link, before);
    this.first[count] = link;
    if (this.last[count] === undefined) this.last[count] = link;
    this.length++;
    return link;
  }

  /**
   * Takes an item out.
   *
   * @param link - the item's link
   */
  remove(link: LoadLink<T>): void {
    const count = link.count;
    if (this.first[count] === link) this.first[count] = link.next !== undefined && link.next.count === count ? link.next : undefined;
    if (this.last[count] === link) this.last[count] = link.prev !== undefined && link.prev.count === count ? link.prev : undefined;
    this.unlink(link);
    this.length--;
  }

  private unlink(link: LoadLink<T>): void {
    if (link.prev === undefined) this.head = link.next;
    else link.prev.next = link.next;
    if (link.next !== undefined) link.next.prev = link.prev;
    link.prev = undefined;
    link.next = undefined;
  }

  /** Links `link` right behind `before`, or at the head when `before` is undefined. */
  private insertAfter(link: LoadLink<T>, before: LoadLink<T> | undefined): void {
    link.prev = before;
    link.next = before === undefined ? this.head : before.next;
    if (link.next !== undefined) link.next.prev = link;
    if (before === undefined) this.head = link;
    else before.next = link;
  }
}

/**
 * Compares two links in try order.
 *
 * @param a - one link
 * @param b - another link of the same order
 * @returns negative when `a` is tried first
 */
export function compareLoad<T>(a: LoadLink<T>, b: LoadLink<T>): number {
  return a.count - b.count || a.rank - b.rank;
}
