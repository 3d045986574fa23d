/**
 * Issue 18: consolidation has a deterministic work bound (`maxSimulationSteps`, upstream's consolidation
 * timeouts counted in placement attempts). A plan cut short keeps the commands found before, which are a prefix
 * of the unbounded plan, and says it stopped.
 */
import { describe, expect, it } from "vitest";
import { planConsolidation, toConsolidationJson, type ConsolidationPlan } from "nodefit";
import { fromKubernetes } from "nodefit/kubernetes";
import { consolidationInputOf, exampleDocuments } from "../hostile/pipeline.js";
import { runCli } from "../cli/run-cli.js";

const NOW = "2026-06-01T12:00:00Z";
const kubernetes = fromKubernetes(exampleDocuments("consolidation"));
const input = consolidationInputOf(kubernetes);
const plan = (maxSimulationSteps?: number): ConsolidationPlan =>
  planConsolidation(input, { now: NOW, ...(maxSimulationSteps === undefined ? {} : { maxSimulationSteps }) });

describe("maxSimulationSteps on examples/consolidation", () => {
  const full = plan();
  // The smallest budget that gives the full plan, found by walking up: every smaller one stops.
  const budgets: number[] = [];
  let enough = 0;
  for (; plan(enough).summary.stopped !== undefined; enough++) budgets.push(enough);

  it("the unbounded plan has commands and does not say it stopped", () => {
    expect(full.commands.length).toBeGreaterThan(1);
    expect(full.summary.stopped).toBeUndefined();
    expect(JSON.parse(toConsolidationJson(full)).summary).not.toHaveProperty("stopped");
    expect(plan(enough)).toEqual(full);
  });

  it("every smaller budget gives a prefix of the unbounded plan that says it stopped", () => {
    expect(budgets.length).toBeGreaterThan(0);
    const lengths = budgets.map((b) => {
      const bounded = plan(b);
      expect(bounded.summary.stopped).toBe("work-limit");
      expect(bounded.commands).toEqual(full.commands.slice(0, bounded.commands.length));
      expect(bounded.commands.length).toBeLessThan(full.commands.length);
      expect(bounded.blocked.filter((x) => x.message.includes("maxSimulationSteps")).length).toBeGreaterThan(0);
      expect(JSON.parse(toConsolidationJson(bounded)).summary.stopped).toBe("work-limit");
      return bounded.commands.length;
    });
    // A budget that allows some commands but not all exists, and more budget never gives fewer commands.
    expect(lengths.some((n) => n > 0)).toBe(true);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it("is deterministic: the same budget stops at the same command", () => {
    const b = budgets[budgets.length - 1] ?? 0;
    expect(toConsolidationJson(plan(b))).toBe(toConsolidationJson(plan(b)));
  });

  it("nodefit consolidate --max-simulation-steps reports the stop in JSON and the table", async () => {
    const json = await runCli("consolidate", "examples/consolidation", "--now", NOW, "--max-simulation-steps", "0", "-o", "json");
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).summary.stopped).toBe("work-limit");
    const table = await runCli("consolidate", "examples/consolidation", "--now", NOW, "--max-simulation-steps", "0");
    expect(table.stdout.split("\n")[0]).toMatch(/\(stopped early: --max-simulation-steps reached\)$/);
    const bad = await runCli("consolidate", "examples/consolidation", "--max-simulation-steps", "lots");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--max-simulation-steps must be a whole number, not "lots"');
  });
});
