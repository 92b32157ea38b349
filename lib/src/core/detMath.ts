/**
 * Elementary functions that give the same bits on every JavaScript engine: the library's and the lessons'
 * replacement for `Math.exp`, `Math.log`, `Math.pow` (and `**` with an inexact result), `Math.sin`, ….
 *
 * The engine's `Math` functions are not specified to the last bit, and they differ: measured on 2,000
 * arguments each, Node 20 and Node 26 disagree on `Math.pow` (and `0.9 ** t`), Node and Chromium on
 * exp, log, sin, cos, cbrt, atan and atan2. A lesson run in tslab and in the browser edition must print the
 * same digits, so every number the library prints, plots, compares or hands to its fast kernels comes from
 * here: stdlib's `@stdlib/math-base-special-*` ports of FreeBSD's msun (fdlibm), plain IEEE-754 arithmetic
 * that every engine evaluates alike. exp, log, log1p and cbrt equal V8's on every argument measured (V8's
 * are fdlibm's too); pow, sin, cos and atan2 differ from V8's in the last bit on a few percent of them.
 * `Math.sqrt`, `Math.abs`, `Math.hypot`, `Math.floor`, … are exact (or IEEE arithmetic in V8) and stay.
 *
 * @example
 * detMath.exp(1); //=> 2.718281828459045 on every engine
 * 1 - detMath.pow(0.9, 3); // Adam's bias correction, instead of 1 - 0.9 ** 3
 */
import atan2 from "@stdlib/math-base-special-atan2";
import cbrt from "@stdlib/math-base-special-cbrt";
import cos from "@stdlib/math-base-special-cos";
import exp from "@stdlib/math-base-special-exp";
import ln from "@stdlib/math-base-special-ln";
import log10 from "@stdlib/math-base-special-log10";
import log1p from "@stdlib/math-base-special-log1p";
import stdlibPow from "@stdlib/math-base-special-pow";
import sin from "@stdlib/math-base-special-sin";

/** The reproducible elementary functions, named as `Math` names them. */
export interface DetMath {
  /** e^x. */
  exp(x: number): number;
  /** The natural logarithm ln x. */
  log(x: number): number;
  /** ln(1 + x), accurate for small x. */
  log1p(x: number): number;
  /** The base-10 logarithm. */
  log10(x: number): number;
  /** x^y, as `Math.pow(x, y)` and `x ** y` (the same special cases). */
  pow(x: number, y: number): number;
  /** The sine of x (radians). */
  sin(x: number): number;
  /** The cosine of x (radians). */
  cos(x: number): number;
  /** The angle of the point (x, y), in (-π, π]: `atan2(y, x)` as `Math.atan2(y, x)`. */
  atan2(y: number, x: number): number;
  /** The cube root. */
  cbrt(x: number): number;
}

/**
 * x^y with JavaScript's special cases: stdlib's pow differs from ECMAScript's on a few (pow(NaN, 0) is NaN
 * there and 1 here, (-∞)^0.5 NaN there and ∞ here, (-0)^0.5 -0 there and +0 here). ECMAScript specifies
 * every result with a zero exponent or a zero, infinite or NaN argument exactly: those go to `Math.pow`.
 */
function pow(x: number, y: number): number {
  if (y === 0 || x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) {
    // eslint-disable-next-line no-restricted-properties -- exact results, specified by ECMAScript
    return Math.pow(x, y);
  }
  return stdlibPow(x, y);
}

/** The reproducible elementary functions (see the file's comment). */
export const detMath: DetMath = Object.freeze({ exp, log: ln, log1p, log10, pow, sin, cos, atan2, cbrt });
