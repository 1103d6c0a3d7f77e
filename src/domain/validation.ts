/** Turns zod issues into the `fields` of a validation DomainError: dotted path → message key (`key` or `key:detail`, several joined by `|`). */
import { z } from 'zod';

/** A one-line text (names, addresses, subjects): trimmed, at most `max` long, no control characters (they would reach email headers and PDF lines). */
export function singleLineText(max: number) {
  return z
    .string('required')
    .trim()
    .max(max, 'too_long')
    .refine((v) => ![...v].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127), 'single_line');
}

const GENERIC: Record<string, string> = {
  invalid_type: 'invalid_type',
  unrecognized_keys: 'unknown_field',
  too_big: 'too_long',
  too_small: 'required',
  invalid_value: 'invalid_value',
  invalid_format: 'invalid_format',
};

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // An unknown key is reported on its own path, so the caller sees which one.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    const key = /^[a-z_]+(:.*)?$/.test(issue.message) ? issue.message : (GENERIC[issue.code] ?? 'invalid_value');
    for (const path of paths) {
      const name = path.map(String).join('.') || '_';
      // Several problems with one field are all kept, separated by `|`.
      fields[name] = fields[name] && !fields[name].split('|').includes(key) ? `${fields[name]}|${key}` : key;
    }
  }
  return fields;
}
