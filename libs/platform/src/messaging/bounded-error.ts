import type { SerializedDomainError } from '@mp/contracts';

/** Longest message an error reply carries; validation messages may quote client input. */
export const MAX_ERROR_MESSAGE_CHARS = 512;
const MAX_ISSUES = 20;

/** Cuts a string to `max` characters (never between the halves of a surrogate pair). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * An error reply bounded in size whatever the request held: messages and issue lists are cut,
 * string details are cut, so a reply can never outgrow the transport's payload limit.
 */
export function boundedError(error: SerializedDomainError): SerializedDomainError {
  return {
    code: error.code,
    message: truncate(error.message, MAX_ERROR_MESSAGE_CHARS),
    details: boundDetails(error.details),
  };
}

function boundDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) out[key] = boundValue(value, 0);
  return out;
}

function boundValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return truncate(value, MAX_ERROR_MESSAGE_CHARS);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 3) return undefined;
  if (Array.isArray(value)) return value.slice(0, MAX_ISSUES).map((v) => boundValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value).slice(0, MAX_ISSUES)) out[key] = boundValue(v, depth + 1);
  return out;
}
