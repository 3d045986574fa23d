import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_SIMULATION_STEPS, MAX_PLAN_COMMANDS, resolveConsolidationOptions } from "./options.js";

describe("resolveConsolidationOptions", () => {
  it("fills defaults and reads now as a string or a Date", () => {
    expect(resolveConsolidationOptions({ now: "2024-06-01T12:00:00Z" })).toEqual({
      now: Date.UTC(2024, 5, 1, 12),
      maxCommands: MAX_PLAN_COMMANDS,
      maxSimulationSteps: DEFAULT_MAX_SIMULATION_STEPS,
      spotToSpotConsolidation: false,
      preferencePolicy: "Respect",
      minValuesPolicy: "Strict",
    });
    expect(resolveConsolidationOptions({ now: new Date(7), maxCommands: 3, spotToSpotConsolidation: true }).maxCommands).toBe(3);
  });

  it.each([
    [{ now: "later" }, /now must be/, ["now"]],
    [{ now: "2024-06-01T12:00:00Z", maxCommands: -1 }, /maxCommands/, ["maxCommands"]],
    [{ now: "2024-06-01T12:00:00Z", maxCommands: 1.5 }, /maxCommands/, ["maxCommands"]],
    [{ now: "2024-06-01T12:00:00Z", maxSimulationSteps: -1 }, /maxSimulationSteps/, ["maxSimulationSteps"]],
    [{ now: "2024-06-01T12:00:00Z", preferencePolicy: "Sometimes" }, /preferencePolicy/, ["preferencePolicy"]],
    [{ now: "2024-06-01T12:00:00Z", minValuesPolicy: "Loose" }, /minValuesPolicy/, ["minValuesPolicy"]],
  ])("rejects %j with a coded, pathed error", (options, message, path) => {
    expect(() => resolveConsolidationOptions(options as never)).toThrow(message);
    try {
      resolveConsolidationOptions(options as never);
    } catch (e) {
      expect((e as { code: string; path: unknown }).code).toBe("invalid-input");
      expect((e as { code: string; path: unknown }).path).toEqual(path);
    }
  });
});
