import { describe, expect, it } from "vitest";
import { createProgress } from "./progress.js";

describe("progress line", () => {
  it("writes nothing when standard error is not a terminal", () => {
    let written = "";
    const progress = createProgress(false, (t) => void (written += t));
    progress("nodefit: scheduling 10 pods…");
    progress(undefined);
    expect(written).toBe("");
  });

  it("redraws one line in place on a terminal and clears it at the end", () => {
    let written = "";
    const progress = createProgress(true, (t) => void (written += t));
    progress("a");
    progress("b");
    progress(undefined);
    progress(undefined);
    expect(written).toBe("\r\x1b[Ka\r\x1b[Kb\r\x1b[K");
  });
});
