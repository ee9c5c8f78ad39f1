// gin's (and native_mate's) conversion of a JavaScript array to a
// std::vector<T>: the value must be a real array, and every index from 0 to
// length - 1 is read in order (a hole reads as undefined, or as what the
// prototype chain holds there) and converted; the first element that does
// not convert fails the whole conversion. For element types that reject
// undefined (strings, file paths) a hole fails at once, so an array with a
// huge length and few elements costs no more than the elements before its
// first hole. Never Array.prototype.every/map: they skip holes.

/** A std::vector<std::string>; with `allowNull`, a std::vector<base::FilePath> (null is the empty path). */
export function stringVector(value: unknown, options: { allowNull?: boolean } = {}): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  const length = value.length;
  for (let i = 0; i < length; i++) {
    const item: unknown = value[i];
    if (typeof item === 'string') out.push(item);
    else if (item === null && options.allowNull) out.push('');
    else return undefined;
  }
  return out;
}

/** The indices an array has own elements at, in order, without visiting its holes one by one. */
export function ownIndices(array: readonly unknown[]): number[] {
  const indices: number[] = [];
  for (const key of Object.keys(array)) {
    const index = Number(key);
    if (Number.isInteger(index) && index >= 0 && index < array.length && String(index) === key) indices.push(index);
  }
  return indices;
}

/**
 * The distinct values of a vector whose element conversion accepts anything
 * (a number via V8's IntegerValue), without visiting holes one by one: the
 * array's own elements in index order, and the hole value once when there
 * are holes. Undefined when `convert` rejects an element.
 */
export function lenientVectorValues<T>(value: unknown, convert: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: T[] = [];
  const own = ownIndices(value);
  for (const index of own) {
    const converted = convert(value[index]);
    if (converted === undefined) return undefined;
    out.push(converted);
  }
  if (own.length < value.length) {
    const hole = convert(undefined);
    if (hole === undefined) return undefined;
    out.push(hole);
  }
  return out;
}
