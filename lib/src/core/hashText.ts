/**
 * A 64-bit hash of a string as 16 hex digits (cyrb53's mixing of two 32-bit FNV-like lanes): for cache
 * keys and element ids, not for security. Written here because lib's runtimes (Node, the browser) share
 * no synchronous hash (Node's crypto is not in the browser, and the browser's is asynchronous), and a
 * hashing package would be a dependency for two uses that need no cryptographic strength.
 *
 * @example
 * hashText("abc"); //=> a 16-digit hex string, the same on every run and runtime
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, "0");
  return hex(h2) + hex(h1);
}
