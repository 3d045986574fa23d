/**
 * Every symbol a public entry point exports carries a `@category` tag in the TSDoc where it is declared, so the
 * API reference groups it by purpose. `nodefit/testing` is left out: its surface is the test builders'.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const ENTRY_POINTS: ReadonlyMap<string, string> = new Map([
  ["nodefit", "src/index.ts"],
  ["nodefit/advanced", "src/advanced.ts"],
  ["nodefit/kubernetes", "src/kubernetes/index.ts"],
  ["nodefit/aws", "src/adapters/aws/index.ts"],
  ["nodefit/azure", "src/adapters/azure/index.ts"],
  ["nodefit/gcp", "src/adapters/gcp/index.ts"],
  ["nodefit/worker", "src/worker/index.ts"],
]);

function program(): ts.Program {
  const configPath = `${root}tsconfig.json`;
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (config === undefined) throw new Error(`cannot read ${configPath}`);
  return ts.createProgram(
    [...ENTRY_POINTS.values()].map((file) => `${root}${file}`),
    config.options,
  );
}

function hasCategory(declaration: ts.Declaration): boolean {
  return ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === "category");
}

/** The exported names of an entry point whose declarations have no `@category` tag. */
function uncategorised(checker: ts.TypeChecker, source: ts.SourceFile): { readonly count: number; readonly offenders: readonly string[] } {
  const module = checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${source.fileName} has no exports`);
  const exports = checker.getExportsOfModule(module);
  const offenders = exports
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declarations = target.declarations ?? [];
      return declarations.length === 0 || !declarations.some(hasCategory);
    })
    .map((symbol) => symbol.name)
    .sort();
  return { count: exports.length, offenders };
}

describe("every public export has a @category tag", () => {
  const built = program();
  const checker = built.getTypeChecker();
  for (const [name, file] of ENTRY_POINTS) {
    it(name, () => {
      const source = built.getSourceFile(`${root}${file}`);
      expect(source, file).toBeDefined();
      const { count, offenders } = uncategorised(checker, source as ts.SourceFile);
      expect(count).toBeGreaterThan(0);
      expect(offenders, `${file}: exports without @category`).toEqual([]);
    });
  }
});
