// Which JavaScript values the bindings' dictionary converters take: gin's
// (and native_mate's) Dictionary takes any object, functions and arrays
// included; Electron 1.x's base::DictionaryValue takes neither arrays nor
// functions.

/** gin::Dictionary / gin_helper::Dictionary: any object, functions and arrays included. */
export function isGinDictionary(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** base::DictionaryValue: an object that is neither an array nor a function. */
export function isDictionaryValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
