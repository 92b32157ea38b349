/**
 * The tokenizer of scikit-learn's `CountVectorizer` / `TfidfVectorizer` defaults: lowercase, then every
 * maximal run of two or more word characters is a token (`token_pattern=r"(?u)\b\w\w+\b"`). A word
 * character is a Unicode letter or number or "_", as Python's `\w` in Unicode mode.
 */

const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

/**
 * The tokens of `text`, in order, appended to `out` (returned).
 *
 * @example
 * tokenize("Free FREE money!! e-mail a_b 42 x"); //=> ["free", "free", "money", "mail", "a_b", "42"]
 */
export function tokenize(text: string, out: string[] = [], lowercase = true): string[] {
  const s = lowercase ? text.toLowerCase() : text;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) out.push(m[0]);
  return out;
}

/**
 * Compares strings by Unicode code point, as Python sorts them (JavaScript's default sort compares
 * UTF-16 code units, which orders characters above U+FFFF before U+E000-U+FFFF).
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (U+D800-U+DFFF) encode code points above U+FFFF: move them above U+E000-U+FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x <= 0xdfff ? x + 0x2000 : x - 0x800;
        y = y <= 0xdfff ? y + 0x2000 : y - 0x800;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}
