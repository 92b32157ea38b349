/**
 * A value turned into plain JSON data that says exactly what it is: its type and its contents, numbers
 * included (NaN, ±Infinity and -0 survive as strings). Checks compare encodings, never live values, so
 * objects that pretend to be equal (custom `valueOf`, `toString`, `Symbol.toPrimitive`, thenables, class
 * instances) encode as `other` and equal nothing. The grader compares encodings outside the learner's kernel.
 */
export type EncodedNumber = number | "NaN" | "Infinity" | "-Infinity" | "-0";

export type Encoded =
  | { t: "number"; v: EncodedNumber }
  | { t: "string"; v: string }
  | { t: "boolean"; v: boolean }
  | { t: "bigint"; v: string }
  | { t: "null" }
  | { t: "undefined" }
  | { t: "Array"; v: Encoded[] }
  | { t: "Object"; v: { [key: string]: Encoded } }
  | { t: TypedArrayName; v: EncodedNumber[] }
  | { t: "other"; v: string };

export type TypedArrayName =
  | "Float64Array"
  | "Float32Array"
  | "Int8Array"
  | "Int16Array"
  | "Int32Array"
  | "Uint8Array"
  | "Uint8ClampedArray"
  | "Uint16Array"
  | "Uint32Array";

export const TYPED_ARRAY_NAMES: readonly string[] = [
  "Float64Array",
  "Float32Array",
  "Int8Array",
  "Int16Array",
  "Int32Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Uint16Array",
  "Uint32Array",
];

/** Largest number of elements or nesting depth encoded; beyond it the value is `other`. */
const MAX_ELEMENTS = 1_000_000;
const MAX_DEPTH = 32;

/** A number as JSON: finite numbers as themselves, the rest as strings. */
export function encodeNumber(x: number): EncodedNumber {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0 && 1 / x < 0) return "-0";
  return x;
}

/**
 * Encodes a value for a check.
 * @example
 * encodeValue(new Float64Array([1, NaN]))
 * //=> { t: "Float64Array", v: [1, "NaN"] }
 */
export function encodeValue(value: unknown, depth = 0): Encoded {
  if (value === null) return { t: "null" };
  switch (typeof value) {
    case "number":
      return { t: "number", v: encodeNumber(value) };
    case "string":
      return { t: "string", v: value };
    case "boolean":
      return { t: "boolean", v: value };
    case "bigint":
      return { t: "bigint", v: value.toString() };
    case "undefined":
      return { t: "undefined" };
    case "function":
      return { t: "other", v: "function" };
    case "symbol":
      return { t: "other", v: "symbol" };
  }
  if (depth > MAX_DEPTH) return { t: "other", v: "nested too deeply" };
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  const proto = Object.getPrototypeOf(value);
  const ctor = (globalThis as unknown as Record<string, { prototype: unknown } | undefined>)[tag];
  if (ArrayBuffer.isView(value) && TYPED_ARRAY_NAMES.includes(tag) && ctor && proto === ctor.prototype) {
    const a = value as unknown as ArrayLike<number>;
    if (a.length > MAX_ELEMENTS) return { t: "other", v: `${tag} too long (${a.length})` };
    const v: EncodedNumber[] = new Array(a.length);
    for (let i = 0; i < a.length; i++) v[i] = encodeNumber(a[i]);
    return { t: tag as TypedArrayName, v };
  }
  if (Array.isArray(value) && proto === Array.prototype) {
    if (value.length > MAX_ELEMENTS) return { t: "other", v: `Array too long (${value.length})` };
    const v: Encoded[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) v[i] = encodeValue(value[i], depth + 1);
    return { t: "Array", v };
  }
  if (proto === Object.prototype || proto === null) {
    const v: { [key: string]: Encoded } = {};
    for (const key of Object.keys(value as object).sort()) {
      v[key] = encodeValue((value as Record<string, unknown>)[key], depth + 1);
    }
    return { t: "Object", v };
  }
  const name = typeof proto?.constructor?.name === "string" ? proto.constructor.name : tag;
  return { t: "other", v: `an instance of ${name}` };
}
