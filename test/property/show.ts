import { Ref } from "./refs";

/** A value as a reader of a failure report wants it: refs by name, strings escaped, long strings and objects cut. */
export function show(value: unknown): string {
  if (value instanceof Ref) return value.toString();
  if (typeof value === "string") {
    if (value.length <= 120) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, 40))}…(${value.length} code units)…${JSON.stringify(value.slice(-20))}`;
  }
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${show(v)}`);
    return entries.length > 20 ? `{${entries.slice(0, 5).join(", ")}, …(${entries.length} keys)}` : `{${entries.join(", ")}}`;
  }
  return String(value);
}
