/**
 * Turns a query string into the object the ZEGO query schemas describe: keys ending in `[]`
 * (`Metrics[]`) become arrays of all their values, other keys keep their first value.
 * URLSearchParams decodes `Metrics%5B%5D` and `Metrics[]` to the same key, so both spellings agree.
 */
export function zegoQueryObject(params: URLSearchParams): Record<string, string | string[]> {
  // A Map, then fromEntries: a key such as `__proto__` becomes an own property, never a prototype.
  const collected = new Map<string, string | string[]>();
  for (const [key, value] of params) {
    const seen = collected.get(key);
    if (key.endsWith("[]")) {
      if (Array.isArray(seen)) seen.push(value);
      else collected.set(key, [value]);
    } else if (seen === undefined) {
      collected.set(key, value);
    }
  }
  return Object.fromEntries(collected);
}
