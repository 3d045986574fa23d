// A small JSON Schema validator for the subset docs/schemas uses: type, const, enum, properties, required,
// additionalProperties, items, minimum, maximum, minLength and local $ref. It exists so the schemas are
// checked against real outputs without a dependency; a keyword outside the subset is an error, so a schema
// cannot silently use one it does not check.

type Schema = { readonly [keyword: string]: unknown };

const KNOWN = new Set([
  "$schema",
  "$id",
  "$defs",
  "$ref",
  "title",
  "description",
  "type",
  "const",
  "enum",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minimum",
  "maximum",
  "minLength",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const matchesType = (value: unknown, type: string): boolean => typeOf(value) === type || (type === "number" && typeOf(value) === "integer");

/**
 * Validates a value against a schema.
 *
 * @param root - the whole schema (for `$ref: #/$defs/...`)
 * @param value - the value
 * @returns one message per problem, each starting with the path of the bad value; empty when valid
 */
export function validate(root: Schema, value: unknown): string[] {
  const problems: string[] = [];
  const walk = (schema: Schema, v: unknown, path: string): void => {
    for (const keyword of Object.keys(schema)) if (!KNOWN.has(keyword)) problems.push(`${path}: the schema uses unsupported keyword ${keyword}`);
    const ref = schema["$ref"];
    if (typeof ref === "string") {
      const name = ref.replace(/^#\/\$defs\//, "");
      const target = (root["$defs"] as Record<string, Schema> | undefined)?.[name];
      if (target === undefined) problems.push(`${path}: unknown $ref ${ref}`);
      else walk(target, v, path);
    }
    const type = schema["type"];
    if (type !== undefined) {
      const types = Array.isArray(type) ? (type as string[]) : [type as string];
      if (!types.some((t) => matchesType(v, t))) {
        problems.push(`${path}: expected ${types.join(" or ")}, got ${typeOf(v)}`);
        return;
      }
    }
    if ("const" in schema && v !== schema["const"]) problems.push(`${path}: expected ${JSON.stringify(schema["const"])}`);
    if (Array.isArray(schema["enum"]) && !(schema["enum"] as unknown[]).includes(v))
      problems.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema["enum"])}`);
    if (typeof v === "number") {
      if (typeof schema["minimum"] === "number" && v < schema["minimum"]) problems.push(`${path}: ${v} is below ${schema["minimum"]}`);
      if (typeof schema["maximum"] === "number" && v > schema["maximum"]) problems.push(`${path}: ${v} is above ${schema["maximum"]}`);
    }
    if (typeof v === "string" && typeof schema["minLength"] === "number" && v.length < schema["minLength"])
      problems.push(`${path}: shorter than ${schema["minLength"]}`);
    if (Array.isArray(v) && schema["items"] !== undefined) v.forEach((item, i) => walk(schema["items"] as Schema, item, `${path}[${i}]`));
    if (typeOf(v) === "object") {
      const object = v as Record<string, unknown>;
      for (const key of (schema["required"] as string[] | undefined) ?? []) if (!Object.hasOwn(object, key)) problems.push(`${path}: missing ${key}`);
      const properties = (schema["properties"] as Record<string, Schema> | undefined) ?? {};
      for (const [key, item] of Object.entries(object)) {
        const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
        if (own !== undefined) walk(own, item, `${path}.${key}`);
        else if (schema["additionalProperties"] === false) problems.push(`${path}: unexpected property ${key}`);
        else if (typeof schema["additionalProperties"] === "object") walk(schema["additionalProperties"] as Schema, item, `${path}.${key}`);
      }
    }
  };
  walk(root, value, "$");
  return problems;
}
