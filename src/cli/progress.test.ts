import { describe, expect, it } from "vitest";
import { consolidationProgressText, createProgress, progressHook, scheduleProgressText } from "./progress.js";

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

describe("progress hooks", () => {
  it("draw the library's counts on a terminal", () => {
    const lines: (string | undefined)[] = [];
    const io = { interactive: true, progress: (t: string | undefined) => void lines.push(t) };
    progressHook(io, scheduleProgressText)?.({ placed: 3, pods: 10 });
    progressHook(io, (p: { simulations: number; commands: number }) => consolidationProgressText(4, p))?.({ simulations: 7, commands: 1 });
    expect(lines).toEqual(["nodefit: scheduling: 3/10 pods placed…", "nodefit: planning consolidation of 4 nodes: 7 simulations, 1 commands…"]);
  });

  it("are absent when standard error is not a terminal, so a piped run does not count", () => {
    expect(progressHook({ interactive: false, progress: () => undefined }, scheduleProgressText)).toBeUndefined();
    expect(progressHook(undefined, scheduleProgressText)).toBeUndefined();
  });
});
