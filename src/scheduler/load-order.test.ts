import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { compareLoad, LoadOrder, type LoadLink } from "./load-order.js";

function walk<T>(order: LoadOrder<T>): T[] {
  const out: T[] = [];
  for (let link = order.head; link !== undefined; link = link.next) out.push(link.item);
  return out;
}

describe("load order", () => {
  // Each step either adds an item with one pod or gives one more pod to an existing item (by index).
  test.prop([fc.array(fc.option(fc.nat(), { nil: undefined }), { maxLength: 200 })])(
    "matches appending then stable-sorting by count before every step, as upstream re-sorts",
    (steps) => {
      const order = new LoadOrder<number>();
      const links: LoadLink<number>[] = [];
      let reference: { id: number; count: number }[] = [];
      for (const step of steps) {
        if (step === undefined || links.length === 0) {
          links.push(order.append(links.length, 1));
          reference.push({ id: reference.length, count: 1 });
        } else {
          const id = step % links.length;
          order.grew(links[id] as LoadLink<number>);
          (reference.find((r) => r.id === id) as { count: number }).count++;
        }
        // Array.prototype.sort is stable.
        reference = [...reference].sort((a, b) => a.count - b.count);
        expect(walk(order)).toEqual(reference.map((r) => r.id));
        expect([...links].sort(compareLoad).map((l) => l.item)).toEqual(reference.map((r) => r.id));
      }
      expect(order.length).toBe(links.length);
    },
  );

  test("a grown item goes before the items that already had its new count", () => {
    const order = new LoadOrder<string>();
    const a = order.append("a", 1);
    order.append("b", 1);
    const c = order.append("c", 1);
    order.grew(c);
    expect(walk(order)).toEqual(["a", "b", "c"]);
    order.grew(a);
    expect(walk(order)).toEqual(["b", "a", "c"]);
  });
});
