/**
 * Presence as the lint rules judge it: a key that holds only blank text or an
 * empty list says nothing, so it counts as missing.
 */

/** True when an optional text holds something besides whitespace. */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** True when an optional list has at least one entry. */
export function hasItems<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}
