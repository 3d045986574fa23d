import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { compareQueueEntries, RetryQueue } from "./queue.js";

describe("queue", () => {
  test("orders by cpu desc, memory desc, creation asc, uid asc", () => {
    const entries = [
      { cpu: 1, memory: 1, created: 0, uid: "b" },
      { cpu: 1, memory: 1, created: 0, uid: "a" },
      { cpu: 2, memory: 0, created: 5, uid: "z" },
      { cpu: 1, memory: 2, created: 9, uid: "y" },
      { cpu: 1, memory: 1, created: -1, uid: "x" },
    ];
    expect([...entries].sort(compareQueueEntries).map((e) => e.uid)).toEqual(["z", "y", "x", "a", "b"]);
  });

  test.prop([fc.array(fc.boolean(), { maxLength: 30 }), fc.integer({ min: 0, max: 20 })])(
    "a retry queue stops exactly when a full pass makes no progress",
    (outcomes, n) => {
      // Item i succeeds on its k-th try when outcomes[(i + k) % len] is true; otherwise it is pushed back.
      const tries = new Map<number, number>();
      const q = new RetryQueue(Array.from({ length: n }, (_, i) => i));
      const done = new Set<number>();
      let pops = 0;
      for (let i = q.pop(); i !== undefined; i = q.pop()) {
        pops++;
        const k = tries.get(i) ?? 0;
        tries.set(i, k + 1);
        if (outcomes.length > 0 && outcomes[(i + k) % outcomes.length]) done.add(i);
        else q.push(i);
      }
      expect(done.size + q.length).toBe(n);
      expect(pops).toBeLessThanOrEqual(n * (n + 1));
    },
  );
});
