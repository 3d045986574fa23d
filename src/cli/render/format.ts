import { stringify } from "yaml";

/**
 * Turns a command's JSON document into YAML (the same object, another notation).
 *
 * @param json - the JSON text a command produced
 * @returns YAML text
 */
export function jsonToYaml(json: string): string {
  return stringify(JSON.parse(json) as unknown, { aliasDuplicateObjects: false, lineWidth: 0 });
}
