import packageJson from "../package.json" with { type: "json" };

/**
 * The version of nodefit, read from package.json when the package is built (so it is written once).
 * @category Package
 */
export const VERSION: string = packageJson.version;
