/**
 * How often each mutation ran and how it was answered, printed after the run: the figures show
 * whether every mutation reached success at least sometimes (a generator that only produces
 * refused input tests little).
 */

export type Outcome = "ok" | "BAD_USER_INPUT" | "NOT_FOUND" | "failed";

const COLUMNS: Outcome[] = ["ok", "BAD_USER_INPUT", "NOT_FOUND", "failed"];
const columnWidth = (title: string) => Math.max(title.length, 6) + 2;

export class Coverage {
  private readonly counts = new Map<string, Record<Outcome, number>>();
  /** Valid steps that were not sent: they refer to a kind of object the run had not made (yet). */
  private readonly skipped = new Map<string, number>();
  runs = 0;

  constructor(mutations: string[]) {
    for (const name of mutations) this.counts.set(name, { ok: 0, BAD_USER_INPUT: 0, NOT_FOUND: 0, failed: 0 });
  }

  record(mutation: string, outcome: Outcome): void {
    const row = this.counts.get(mutation);
    if (row) row[outcome]++;
  }

  get total(): number {
    return [...this.counts.values()].reduce((sum, row) => sum + COLUMNS.reduce((s, c) => s + row[c], 0), 0);
  }

  skip(mutation: string): void {
    this.skipped.set(mutation, (this.skipped.get(mutation) ?? 0) + 1);
  }

  /** Mutations that never succeeded. */
  neverSucceeded(): string[] {
    return [...this.counts].filter(([, row]) => row.ok === 0).map(([name]) => name);
  }

  report(title: string): string {
    const width = Math.max(...[...this.counts.keys()].map((n) => n.length), 8);
    const columns = ["sent", ...COLUMNS, "skipped"];
    const line = (name: string, values: number[]) =>
      [name.padEnd(width), ...values.map((v, i) => String(v).padStart(columnWidth(columns[i])))].join("");
    const skippedTotal = [...this.skipped.values()].reduce((a, b) => a + b, 0);
    const lines = [
      `${title}: ${this.total} mutations sent in ${this.runs} runs (${skippedTotal} valid steps skipped: they needed an object the run had not made)`,
      ["mutation".padEnd(width), ...columns.map((c) => c.padStart(columnWidth(c)))].join(""),
    ];
    const totals = columns.map(() => 0);
    for (const [name, row] of this.counts) {
      const values = [COLUMNS.reduce((s, c) => s + row[c], 0), ...COLUMNS.map((c) => row[c]), this.skipped.get(name) ?? 0];
      for (const [i, v] of values.entries()) totals[i] += v;
      lines.push(line(name, values));
    }
    lines.push(line("all", totals));
    const never = this.neverSucceeded();
    if (never.length) lines.push(`never succeeded (${never.length}): ${never.join(", ")}`);
    return lines.join("\n");
  }
}
