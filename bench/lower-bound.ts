// The packing-quality yardstick: the LP relaxation of "buy instances so that their allocatable covers
// every pod's requests", solved with HiGHS. Fractional instances make it a true lower bound on the hourly
// cost of any valid packing, so cost / bound ≥ 1 and nearer 1 is better.
import * as highsModule from "highs";

// The package types describe CommonJS; under ESM the loader is the default export.
const highsLoader = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as unknown as () => Promise<{
  solve(model: string, options: object): { Status: string; ObjectiveValue: number };
}>;

/** One instance type as the bound sees it: allocatable per resource and the cheapest price. */
export interface BoundType {
  readonly name: string;
  readonly price: number;
  readonly allocatable: ReadonlyMap<string, number>;
}

/**
 * Solves min Σ price·x subject to Σ allocatable_r·x ≥ demand_r for every resource r, x ≥ 0.
 *
 * @param demand - the total requests per resource (cpu in millicores, memory in bytes, pods)
 * @param types - the instance types that may be bought
 * @returns the bound in dollars per hour
 */
export async function lpLowerBound(demand: ReadonlyMap<string, number>, types: readonly BoundType[]): Promise<number> {
  const highs = await highsLoader();
  const usable = types.filter((t) => Number.isFinite(t.price) && t.price > 0);
  const variable = (i: number): string => `x${i}`;
  const resources = [...demand.keys()].filter((r) => (demand.get(r) ?? 0) > 0);
  // Scale each row so coefficients stay near 1: HiGHS is happier with bytes / 2^30 than with bytes.
  const rows = resources.map((r, ri) => {
    const scale = Math.max(...usable.map((t) => t.allocatable.get(r) ?? 0), 1);
    const terms = usable
      .map((t, i) => ({ c: (t.allocatable.get(r) ?? 0) / scale, v: variable(i) }))
      .filter((term) => term.c > 0)
      .map((term) => `${term.c.toPrecision(12)} ${term.v}`);
    return ` c${ri}: ${terms.join(" + ")} >= ${((demand.get(r) ?? 0) / scale).toPrecision(12)}`;
  });
  const objective = usable.map((t, i) => `${t.price.toPrecision(12)} ${variable(i)}`).join(" + ");
  const model = ["Minimize", ` obj: ${objective}`, "Subject To", ...rows, "End"].join("\n");
  const solution = highs.solve(model, {});
  if (solution.Status !== "Optimal") throw new Error(`LP lower bound: HiGHS says ${solution.Status}`);
  return solution.ObjectiveValue;
}
