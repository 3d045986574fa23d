import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PENDING_PATH, pendingEntries, shareTable, shares, translatedTitles, upstreamTitles } from "./ledger.js";

describe("upstream ledger: every upstream test is translated or pending, never both", () => {
  const all = new Set([...upstreamTitles()].flatMap(([file, titles]) => titles.map((t) => `[${file}] ${t}`)));
  const translated = translatedTitles();
  const pending = pendingEntries();

  it("every upstream(...) title names an upstream test exactly", () => {
    expect([...translated.keys()].filter((k) => !all.has(k))).toEqual([]);
  });

  it("every pending entry names an upstream test, once, with a reason", () => {
    const keys = pending.map((p) => p.key);
    expect(keys.filter((k) => !all.has(k))).toEqual([]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(pending.filter((p) => p.reason.trim() === "")).toEqual([]);
  });

  it("translated and pending partition upstream's tests", () => {
    const pendingKeys = new Set(pending.map((p) => p.key));
    expect([...translated.keys()].filter((k) => pendingKeys.has(k))).toEqual([]);
    expect([...all].filter((k) => !translated.has(k) && !pendingKeys.has(k))).toEqual([]);
  });

  it("PENDING.md's share table is current", () => {
    expect(readFileSync(PENDING_PATH, "utf8")).toContain(shareTable(shares()));
  });
});
