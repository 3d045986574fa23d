import { describe, expect, it } from "vitest";
import { humanBytes, humanCpu, humanDuration } from "./units.js";

describe("human units", () => {
  it("prints memory in the largest binary unit with at most one decimal", () => {
    expect(humanBytes(1_000_000 * 1024)).toBe("976.6Mi");
    expect(humanBytes(16 * 2 ** 30)).toBe("16Gi");
    expect(humanBytes(7577 * 2 ** 20)).toBe("7.4Gi");
    expect(humanBytes(512 * 2 ** 20)).toBe("512Mi");
    expect(humanBytes(1000)).toBe("1000");
    expect(humanBytes(0)).toBe("0");
  });

  it("prints CPU as cores when whole, millicores otherwise", () => {
    expect(humanCpu(4000)).toBe("4");
    expect(humanCpu(3920)).toBe("3920m");
  });

  it("prints durations as their two largest units", () => {
    expect(humanDuration(60_000)).toBe("16h40m");
    expect(humanDuration(60_350_700)).toBe("698d12h");
    expect(humanDuration(16 * 3600)).toBe("16h");
    expect(humanDuration(86_400 + 5)).toBe("1d");
    expect(humanDuration(45)).toBe("45s");
    expect(humanDuration(0.2)).toBe("1s");
    expect(humanDuration(0)).toBe("0s");
  });
});
