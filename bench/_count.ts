import { planConsolidation } from "nodefit";
import { mixedInput } from "./consolidation-mixed.ts";
const input = await mixedInput(1000);
planConsolidation(input, { now: new Date("2026-03-02T12:00:00Z") });
console.log("free", (globalThis as any).FREE, "freeIn", (globalThis as any).FREEIN);
