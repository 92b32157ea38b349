import { TYPED_ARRAY_NAMES, type Encoded, type EncodedNumber } from "./encodeValue";

/** Decodes one encoded number. */
export function decodeNumber(x: EncodedNumber): number {
  if (x === "NaN") return NaN;
  if (x === "Infinity") return Infinity;
  if (x === "-Infinity") return -Infinity;
  if (x === "-0") return -0;
  return x;
}

/** Numbers agree when both are NaN, or equal, or within `tol` of each other (absolute). */
function numbersAgree(e: number, a: number, tol: number): boolean {
  if (Number.isNaN(e) || Number.isNaN(a)) return Number.isNaN(e) && Number.isNaN(a);
  if (e === a) return true;
  return Math.abs(a - e) <= tol;
}

/** A short readable form of an encoding, for messages. */
export function describeEncoded(x: Encoded, max = 80): string {
  let s: string;
  switch (x.t) {
    case "null":
    case "undefined":
      s = x.t;
      break;
    case "string":
      s = JSON.stringify(x.v);
      break;
    case "number":
    case "boolean":
    case "bigint":
      s = String(x.v);
      break;
    case "other":
      s = `<${x.v}>`;
      break;
    case "Array":
      s = `[${x.v.map((e) => describeEncoded(e, max)).join(", ")}]`;
      break;
    case "Object":
      s = `{ ${Object.entries(x.v)
        .map(([k, e]) => `${k}: ${describeEncoded(e, max)}`)
        .join(", ")} }`;
      break;
    default:
      s = `${x.t} [${x.v.join(", ")}]`;
  }
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

/**
 * Compares an actual encoding with the expected one: same type, same shape, numbers within `tol`
 * (absolute; 0 means exactly equal, NaN only equals NaN). Returns null when they agree, otherwise a
 * sentence saying where they first differ.
 * @example
 * compareEncoded(encodeValue(new Float64Array([3, 5.5])), encodeValue(new Float64Array([3, 4])), 1e-12)
 * //=> "at [1]: expected 5.5, got 4"
 */
export function compareEncoded(expected: Encoded, actual: Encoded, tol = 0, at = ""): string | null {
  const where = at === "" ? "" : `at ${at}: `;
  if (expected.t !== actual.t) {
    return `${where}expected ${typeName(expected)} ${describeEncoded(expected)}, got ${typeName(actual)} ${describeEncoded(actual)}`;
  }
  switch (expected.t) {
    case "null":
    case "undefined":
      return null;
    case "other":
      return `${where}${describeEncoded(expected)} cannot be compared`;
    case "number": {
      const e = decodeNumber(expected.v);
      const a = decodeNumber((actual as { v: EncodedNumber }).v);
      return numbersAgree(e, a, tol) ? null : `${where}expected ${e}, got ${a}`;
    }
    case "string":
    case "boolean":
    case "bigint": {
      const a = (actual as { v: unknown }).v;
      return expected.v === a
        ? null
        : `${where}expected ${describeEncoded(expected)}, got ${describeEncoded(actual)}`;
    }
    case "Array": {
      const a = (actual as { v: Encoded[] }).v;
      if (a.length !== expected.v.length)
        return `${where}expected length ${expected.v.length}, got ${a.length}`;
      for (let i = 0; i < a.length; i++) {
        const d = compareEncoded(expected.v[i], a[i], tol, `${at}[${i}]`);
        if (d) return d;
      }
      return null;
    }
    case "Object": {
      const a = (actual as { v: Record<string, Encoded> }).v;
      const ek = Object.keys(expected.v).sort();
      const ak = Object.keys(a).sort();
      if (ek.join("\u0000") !== ak.join("\u0000")) {
        return `${where}expected keys ${ek.join(", ")}, got ${ak.join(", ")}`;
      }
      for (const k of ek) {
        const d = compareEncoded(expected.v[k], a[k], tol, `${at}.${k}`);
        if (d) return d;
      }
      return null;
    }
    default: {
      if (!TYPED_ARRAY_NAMES.includes(expected.t)) return `${where}unknown type ${expected.t}`;
      const e = expected.v;
      const a = (actual as { v: EncodedNumber[] }).v;
      if (a.length !== e.length) return `${where}expected length ${e.length}, got ${a.length}`;
      for (let i = 0; i < a.length; i++) {
        const ei = decodeNumber(e[i]);
        const ai = decodeNumber(a[i]);
        if (!numbersAgree(ei, ai, tol)) return `at ${at}[${i}]: expected ${ei}, got ${ai}`;
      }
      return null;
    }
  }
}

function typeName(x: Encoded): string {
  return x.t === "other" ? "a value" : x.t === "Object" ? "an object" : x.t;
}
