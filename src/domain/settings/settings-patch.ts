/** A partial change to the settings: merged into the current document (objects deeply, arrays whole) and described for the audit log. */

type Json = unknown;
const isPlainObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergePatch(current: Json, patch: Json): Json {
  if (!isPlainObject(current) || !isPlainObject(patch)) return patch;
  const merged: Record<string, Json> = { ...current };
  for (const [key, value] of Object.entries(patch)) merged[key] = value === undefined ? current[key] : mergePatch(current[key], value);
  return merged;
}

export type Change = { path: string; from: Json; to: Json };

/** Leaf-level differences; arrays are compared as a whole (a bank account list changed, not its 3rd letter). */
export function diffSettings(before: Json, after: Json, path = ''): Change[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) => diffSettings(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, from: clip(before), to: clip(after) }];
}

// Long template texts are shortened in the audit log; the log says what changed, not a full copy.
function clip(value: Json): Json {
  return typeof value === 'string' && value.length > 300 ? `${value.slice(0, 297)}…` : value;
}
