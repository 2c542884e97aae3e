/** A GraphQL Date (parsed to a Date at UTC midnight by graphql-scalars) as the stored 'YYYY-MM-DD'. */
export function toDateString(value: Date | string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") return value.slice(0, 10);
  return value.toISOString().slice(0, 10);
}
