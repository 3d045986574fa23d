import { describe, expect, it } from "vitest";
import { parseQuantity, quantitiesEqual, quantityOf, type Quantity, type QuantityFormat } from "./quantity.js";
import { formatQuantity } from "./quantity-format.js";
import { quantityToAmount } from "./amount.js";

/** Kubernetes' test helper shape: `mantissa × 10^scale` in a format. */
const dec = (mantissa: bigint | number, scale: number, format: QuantityFormat): Quantity => quantityOf(BigInt(mantissa), scale, format);
const MAX_BINARY: Quantity = dec(2n ** 63n - 1n, 0, "BinarySI");
const negate = (q: Quantity): Quantity => ({ ...q, coefficient: -q.coefficient });

// The parse table of apimachinery's quantity_test.go (TestQuantityParse), with expected values.
const PARSE_TABLE: ReadonlyArray<readonly [string, Quantity]> = [
  ["0", dec(0, 0, "DecimalSI")],
  ["0n", dec(0, 0, "DecimalSI")],
  ["0u", dec(0, 0, "DecimalSI")],
  ["0m", dec(0, 0, "DecimalSI")],
  ["0Ki", dec(0, 0, "BinarySI")],
  ["0k", dec(0, 0, "DecimalSI")],
  ["0Mi", dec(0, 0, "BinarySI")],
  ["0M", dec(0, 0, "DecimalSI")],
  ["0Gi", dec(0, 0, "BinarySI")],
  ["0G", dec(0, 0, "DecimalSI")],
  ["0Ti", dec(0, 0, "BinarySI")],
  ["0T", dec(0, 0, "DecimalSI")],
  ["1", dec(1, 0, "DecimalSI")],
  ["1Ki", dec(1024, 0, "BinarySI")],
  ["8Ki", dec(8 * 1024, 0, "BinarySI")],
  ["7Mi", dec(7 * 1024 ** 2, 0, "BinarySI")],
  ["6Gi", dec(6 * 1024 ** 3, 0, "BinarySI")],
  ["5Ti", dec(5 * 1024 ** 4, 0, "BinarySI")],
  ["4Pi", dec(4 * 1024 ** 5, 0, "BinarySI")],
  ["3Ei", dec(3n * 1024n ** 6n, 0, "BinarySI")],
  ["10Ti", dec(10 * 1024 ** 4, 0, "BinarySI")],
  ["100Ti", dec(100 * 1024 ** 4, 0, "BinarySI")],
  ["5n", dec(5, -9, "DecimalSI")],
  ["4u", dec(4, -6, "DecimalSI")],
  ["3m", dec(3, -3, "DecimalSI")],
  ["9", dec(9, 0, "DecimalSI")],
  ["8k", dec(8, 3, "DecimalSI")],
  ["50k", dec(5, 4, "DecimalSI")],
  ["7M", dec(7, 6, "DecimalSI")],
  ["6G", dec(6, 9, "DecimalSI")],
  ["5T", dec(5, 12, "DecimalSI")],
  ["40T", dec(4, 13, "DecimalSI")],
  ["300T", dec(3, 14, "DecimalSI")],
  ["2P", dec(2, 15, "DecimalSI")],
  ["1E", dec(1, 18, "DecimalSI")],
  ["1e-3", dec(1, -3, "DecimalExponent")],
  ["1e-2", dec(1, -2, "DecimalExponent")],
  ["1e-1", dec(1, -1, "DecimalExponent")],
  ["1e0", dec(1, 0, "DecimalExponent")],
  ["1e1", dec(1, 1, "DecimalExponent")],
  ["1e2", dec(1, 2, "DecimalExponent")],
  ["1e3", dec(1, 3, "DecimalExponent")],
  ["1e6", dec(1, 6, "DecimalExponent")],
  ["1e9", dec(1, 9, "DecimalExponent")],
  ["1E12", dec(1, 12, "DecimalExponent")],
  ["1e15", dec(1, 15, "DecimalExponent")],
  ["1e18", dec(1, 18, "DecimalExponent")],
  ["1e14", dec(1, 14, "DecimalExponent")],
  ["1e13", dec(1, 13, "DecimalExponent")],
  ["100.035k", dec(100035, 0, "DecimalSI")],
  ["0.001", dec(1, -3, "DecimalSI")],
  ["0.0005k", dec(5, -1, "DecimalSI")],
  ["0.005", dec(5, -3, "DecimalSI")],
  ["0.05", dec(5, -2, "DecimalSI")],
  ["0.5", dec(5, -1, "DecimalSI")],
  ["0.00050k", dec(5, -1, "DecimalSI")],
  ["0.00500", dec(5, -3, "DecimalSI")],
  ["0.05000", dec(5, -2, "DecimalSI")],
  ["0.50000", dec(5, -1, "DecimalSI")],
  ["0.5e0", dec(5, -1, "DecimalExponent")],
  ["0.5e-1", dec(5, -2, "DecimalExponent")],
  ["0.5e-2", dec(5, -3, "DecimalExponent")],
  ["10.035M", dec(10035, 3, "DecimalSI")],
  ["1.2e3", dec(12, 2, "DecimalExponent")],
  ["1.3E+6", dec(13, 5, "DecimalExponent")],
  ["1.40e9", dec(14, 8, "DecimalExponent")],
  ["1.53E12", dec(153, 10, "DecimalExponent")],
  ["1.6e15", dec(16, 14, "DecimalExponent")],
  ["1.7E18", dec(17, 17, "DecimalExponent")],
  ["9.01", dec(901, -2, "DecimalSI")],
  ["8.1k", dec(81, 2, "DecimalSI")],
  ["7.123456M", dec(7123456, 0, "DecimalSI")],
  ["6.987654321G", dec(6987654321, 0, "DecimalSI")],
  ["5.444T", dec(5444, 9, "DecimalSI")],
  ["40.1T", dec(401, 11, "DecimalSI")],
  ["300.2T", dec(3002, 11, "DecimalSI")],
  ["2.5P", dec(25, 14, "DecimalSI")],
  ["1.01E", dec(101, 16, "DecimalSI")],
  // Values round up (away from zero) to whole nano units.
  ["3.001n", dec(4, -9, "DecimalSI")],
  ["1.1E-9", dec(2, -9, "DecimalExponent")],
  ["0.0000000001", dec(1, -9, "DecimalSI")],
  ["0.0000000005", dec(1, -9, "DecimalSI")],
  ["0.00000000050", dec(1, -9, "DecimalSI")],
  ["0.5e-9", dec(1, -9, "DecimalExponent")],
  ["0.9n", dec(1, -9, "DecimalSI")],
  ["0.00000012345", dec(124, -9, "DecimalSI")],
  ["0.00000012354", dec(124, -9, "DecimalSI")],
  // Binary values are capped at 2^63-1; large decimal values are kept.
  ["9Ei", MAX_BINARY],
  ["9223372036854775807Ki", MAX_BINARY],
  ["12E", dec(12, 18, "DecimalSI")],
  ["100.035Ki", dec(10243584, -2, "BinarySI")],
  ["0.5Mi", dec(0.5 * 1024 * 1024, 0, "BinarySI")],
  ["0.05Gi", dec(536870912, -1, "BinarySI")],
  ["0.025Ti", dec(274877906944, -1, "BinarySI")],
  // "Things written by trolls" upstream: a binary value below one becomes DecimalSI.
  ["0.000000000001Ki", dec(2, -9, "DecimalSI")],
  [".001", dec(1, -3, "DecimalSI")],
  [".0001k", dec(100, -3, "DecimalSI")],
  ["1.", dec(1, 0, "DecimalSI")],
  ["1.G", dec(1, 9, "DecimalSI")],
];

describe("parseQuantity: apimachinery's parse table", () => {
  it.each(PARSE_TABLE)("%s", (input, expected) => {
    expect(parseQuantity(input)).toEqual(expected);
  });
  it.each(PARSE_TABLE)("-%s is the negation", (input, expected) => {
    expect(parseQuantity(`-${input}`)).toEqual(expected.coefficient === 0n ? expected : negate(expected));
  });
  it.each(PARSE_TABLE)("+%s equals %s", (input, expected) => {
    expect(parseQuantity(`+${input}`)).toEqual(expected);
  });
});

describe("parseQuantity: more accepted forms", () => {
  const cases: ReadonlyArray<readonly [string, Quantity]> = [
    ["1.5Gi", dec(1610612736, 0, "BinarySI")],
    ["1e+3", dec(1, 3, "DecimalExponent")],
    ["1e03", dec(1, 3, "DecimalExponent")],
    ["1E-3", dec(1, -3, "DecimalExponent")],
    ["007", dec(7, 0, "DecimalSI")],
    ["1e-400", dec(1, -9, "DecimalExponent")],
    ["1e400", dec(1, 400, "DecimalExponent")],
    ["0.0001Ki", dec(1024, -4, "DecimalSI")],
    // apimachinery reads a number part without digits as zero; so do we.
    ["-", dec(0, 0, "DecimalSI")],
    ["+", dec(0, 0, "DecimalSI")],
    [".", dec(0, 0, "DecimalSI")],
    ["m", dec(0, 0, "DecimalSI")],
    ["Ki", dec(0, 0, "BinarySI")],
  ];
  it.each(cases)("%s", (input, expected) => {
    expect(parseQuantity(input)).toEqual(expected);
  });

  it.each([
    [1, dec(1, 0, "DecimalSI")],
    [0.5, dec(5, -1, "DecimalSI")],
    [-2, dec(-2, 0, "DecimalSI")],
    [1e21, dec(1, 21, "DecimalExponent")],
    [1e-7, dec(1, -7, "DecimalExponent")],
    [-0, dec(0, 0, "DecimalSI")],
  ] as const)("the number %d", (input, expected) => {
    expect(parseQuantity(input)).toEqual(expected);
  });
});

describe("parseQuantity: invalid input", () => {
  const invalid = [
    // apimachinery's TestQuantityParseErrors list
    "1.1.M",
    "1+1.0M",
    "0.1mi",
    "0.1am",
    "aoeu",
    ".5i",
    "1i",
    "-3.01i",
    "-3.01e-",
    " 1",
    "1 ",
    // case-sensitive and unknown suffixes
    "",
    "1K",
    "1gi",
    "ki",
    "1ki",
    "1KI",
    "1MI",
    "1b",
    "1Mi3",
    "1iB",
    "1B",
    // broken exponents and numbers
    "1e",
    "1e+",
    "1e1.5",
    "1e3e3",
    "1Ee3",
    "--1",
    "+-1",
    "1,5",
    "1_000",
    "0x10",
    "NaN",
    "Infinity",
    "1e99999999999",
  ];
  it.each(invalid)("refuses %j with a QuantityError naming it", (input) => {
    expect(() => parseQuantity(input)).toThrow(expect.objectContaining({ code: "invalid-quantity", message: expect.stringContaining(JSON.stringify(input)) }));
  });
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("refuses the number %d", (input) => {
    expect(() => parseQuantity(input)).toThrow(expect.objectContaining({ code: "invalid-quantity" }));
  });
});

// The format table of apimachinery's quantity_test.go (TestQuantityString): value, canonical, alternate spelling.
const FORMAT_TABLE: ReadonlyArray<readonly [Quantity, string, string]> = [
  [dec(1024 ** 3, 0, "BinarySI"), "1Gi", "1024Mi"],
  [dec(300 * 1024 ** 2, 0, "BinarySI"), "300Mi", "307200Ki"],
  [dec(6 * 1024, 0, "BinarySI"), "6Ki", ""],
  [dec(1001 * 1024 ** 3, 0, "BinarySI"), "1001Gi", "1025024Mi"],
  [dec(1024 ** 4, 0, "BinarySI"), "1Ti", "1024Gi"],
  [dec(5, 0, "BinarySI"), "5", "5000m"],
  [dec(500, -3, "BinarySI"), "500m", "0.5"],
  [dec(1, 9, "DecimalSI"), "1G", "1000M"],
  [dec(1000, 6, "DecimalSI"), "1G", "0.001T"],
  [dec(1000000, 3, "DecimalSI"), "1G", ""],
  [dec(1000000000, 0, "DecimalSI"), "1G", ""],
  [dec(1, -3, "DecimalSI"), "1m", "1000u"],
  [dec(80, -3, "DecimalSI"), "80m", ""],
  [dec(1080, -3, "DecimalSI"), "1080m", "1.08"],
  [dec(108, -2, "DecimalSI"), "1080m", "1080000000n"],
  [dec(10800, -4, "DecimalSI"), "1080m", ""],
  [dec(300, 6, "DecimalSI"), "300M", ""],
  [dec(1, 12, "DecimalSI"), "1T", ""],
  [dec(1234567, 6, "DecimalSI"), "1234567M", ""],
  [dec(1234567, -3, "BinarySI"), "1234567m", ""],
  [dec(3, 3, "DecimalSI"), "3k", ""],
  [dec(1025, 0, "BinarySI"), "1025", ""],
  [dec(0, 0, "DecimalSI"), "0", ""],
  [dec(0, 0, "BinarySI"), "0", ""],
  [dec(1, 9, "DecimalExponent"), "1e9", ".001e12"],
  [dec(1, -3, "DecimalExponent"), "1e-3", "0.001e0"],
  [dec(1, -9, "DecimalExponent"), "1e-9", "1000e-12"],
  [dec(80, -3, "DecimalExponent"), "80e-3", ""],
  [dec(300, 6, "DecimalExponent"), "300e6", ""],
  [dec(1, 12, "DecimalExponent"), "1e12", ""],
  [dec(1, 3, "DecimalExponent"), "1e3", ""],
  [dec(3, 3, "DecimalExponent"), "3e3", ""],
  [dec(3, 3, "DecimalSI"), "3k", ""],
  [dec(0, 0, "DecimalExponent"), "0", "00"],
  [dec(1, -9, "DecimalSI"), "1n", ""],
  [dec(80, -9, "DecimalSI"), "80n", ""],
  [dec(1080, -9, "DecimalSI"), "1080n", ""],
  [dec(108, -8, "DecimalSI"), "1080n", ""],
  [dec(10800, -10, "DecimalSI"), "1080n", ""],
  [dec(1, -6, "DecimalSI"), "1u", ""],
  [dec(80, -6, "DecimalSI"), "80u", ""],
  [dec(1080, -6, "DecimalSI"), "1080u", ""],
];

describe("formatQuantity: apimachinery's format table", () => {
  it.each(FORMAT_TABLE)("%o prints %s", (quantity, expected) => {
    expect(formatQuantity(quantity)).toBe(expected);
    if (quantity.coefficient !== 0n) expect(formatQuantity(negate(quantity))).toBe(`-${expected}`);
  });
  it.each(FORMAT_TABLE.filter(([, , alternate]) => alternate !== ""))("%o: the alternate %s reads back as %s", (quantity, expected, alternate) => {
    const parsed = parseQuantity(alternate);
    expect(quantitiesEqual(parsed, quantity)).toBe(true);
    expect(formatQuantity(parsed)).toBe(expected);
    expect(formatQuantity(parseQuantity(`-${alternate}`))).toBe(quantity.coefficient === 0n ? "0" : `-${expected}`);
  });
});

describe("formatQuantity of parsed strings", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    // apimachinery's TestQuantityParseEmit
    ["1Ki", "1Ki"],
    ["1Mi", "1Mi"],
    ["1Gi", "1Gi"],
    ["1024Mi", "1Gi"],
    ["1000M", "1G"],
    [".001Ki", "1024m"],
    [".000001Ki", "1024u"],
    [".000000001Ki", "1024n"],
    [".000000000001Ki", "2n"],
    // the examples of the Quantity documentation and kubectl output
    ["1.5", "1500m"],
    ["1000m", "1"],
    ["1.5Gi", "1536Mi"],
    ["307200Ki", "300Mi"],
    ["1025", "1025"],
    ["50k", "50k"],
    ["1e3", "1e3"],
    ["1E3", "1e3"],
    ["1e+3", "1e3"],
    ["1e1", "10"],
    ["1e4", "10e3"],
    ["0.5", "500m"],
    ["1.08", "1080m"],
    ["1000000000", "1G"],
    ["+1", "1"],
    ["01", "1"],
    ["1.", "1"],
    ["-0", "0"],
    ["9Ei", "9223372036854775807"],
    ["8Ei", "9223372036854775807"],
    ["7Ei", "7Ei"],
    ["0.5Ki", "512"],
    ["1.5Ki", "1536"],
    ["2.5Ki", "2560"],
    ["1023Ki", "1023Ki"],
    ["1024", "1024"],
    ["12E", "12E"],
    ["1000E", "1000E"],
    ["1e21", "1e21"],
    ["100m", "100m"],
    ["0.1n", "1n"],
    ["1Ki", "1Ki"],
  ];
  it.each(cases)("%s prints %s", (input, expected) => {
    expect(formatQuantity(parseQuantity(input))).toBe(expected);
  });
});

describe("hostile quantity strings", () => {
  it("refuses a string longer than 256 characters quickly, quoting only its start", () => {
    const hostile = `${"1".repeat(1_000_000)}x`;
    expect(() => parseQuantity(hostile)).toThrow(/longer than 256 characters/);
    expect(() => quantityToAmount("cpu", hostile)).toThrow(expect.objectContaining({ code: "invalid-quantity" }));
  });

  it("still reads the longest real quantities", () => {
    expect(quantityToAmount("memory", `${"0".repeat(200)}1Gi`)).toBe(2 ** 30);
  });
});
