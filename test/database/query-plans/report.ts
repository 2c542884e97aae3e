import type { CapturedStatement } from "./capture";
import type { Explainer, Problem, Verdict } from "./explain";
import type { KnownCause } from "./known-problems";
import type { PrincipalName } from "./workloads";

/** The statements one workload sent as one principal. */
export interface Run {
  workload: string;
  principal: PrincipalName;
  statements: CapturedStatement[];
}

/** One way of reading a table that no index serves, with every statement and run that showed it. */
export interface Finding {
  problem: Problem;
  /** The plan node with its literals and generated aliases blanked: what findings are grouped by. */
  node: string;
  /** The shortest statement that showed it, and its plan: the example in the message. */
  statement: CapturedStatement;
  plan: string;
  where: Set<string>;
  principals: Set<PrincipalName>;
  statementShapes: Set<string>;
}

/** A text with its literals, numbers and generated alias suffixes blanked, so that one problem found in many statements is reported once. */
export function shape(text: string): string {
  return text
    .replace(/'(?:[^']|'')*'/g, "?")
    .replace(/(_\d+)+\b/g, "_n")
    .replace(/\$\d+/g, "?")
    .replace(/\b\d+(\.\d+)?\b/g, "?")
    .replace(/\?(\s*,\s*\?)+/g, "?…")
    .replace(/\s+/g, " ");
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text;
}

const keyOf = (statement: CapturedStatement) => `${statement.sql}\u0000${JSON.stringify(statement.params)}`;

/** Explains each distinct statement of the runs once and groups the problems found. */
export async function findProblems(runs: Run[], explainer: Explainer): Promise<{ findings: Finding[]; verdicts: Map<string, Verdict> }> {
  const verdicts = new Map<string, Verdict>();
  const findings = new Map<string, Finding>();
  for (const { workload, principal, statements } of runs) {
    for (const [index, statement] of statements.entries()) {
      let verdict = verdicts.get(keyOf(statement));
      if (!verdict) {
        verdict = await explainer.explain(statement);
        verdicts.set(keyOf(statement), verdict);
      }
      for (const problem of verdict.problems) {
        const node = shape(problem.node.replace(/ {2}(actual rows|removed by filter)=.*$/, ""));
        const group = `${problem.table}\u0000${node}`;
        const finding = findings.get(group) ?? {
          problem,
          node,
          statement,
          plan: verdict.plan,
          where: new Set<string>(),
          principals: new Set<PrincipalName>(),
          statementShapes: new Set<string>(),
        };
        if (statement.sql.length < finding.statement.sql.length) Object.assign(finding, { problem, statement, plan: verdict.plan });
        finding.where.add(`${workload} (${principal}), statement ${index + 1} of ${statements.length}`);
        finding.principals.add(principal);
        finding.statementShapes.add(shape(statement.sql));
        findings.set(group, finding);
      }
    }
  }
  return { findings: [...findings.values()], verdicts };
}

/**
 * The findings no known cause excuses; and the known causes that excused something, and those that
 * excused nothing on this dialect although they have patterns for it (stale).
 */
export function excuse<F extends Pick<Finding, "node" | "principals">>(
  findings: F[],
  known: KnownCause[],
  dialect: "postgresql" | "sqlite",
): { unexcused: F[]; excused: Map<KnownCause, number>; stale: KnownCause[] } {
  const excused = new Map<KnownCause, number>();
  const unexcused = findings.filter((finding) => {
    const cause = known.find(
      (k) =>
        [...finding.principals].every((p) => k.principals.includes(p)) &&
        (k.patterns[dialect] ?? []).some((pattern) => pattern.test(finding.node)),
    );
    if (cause) excused.set(cause, (excused.get(cause) ?? 0) + 1);
    return !cause;
  });
  const stale = known.filter((k) => (k.patterns[dialect] ?? []).length > 0 && !excused.has(k));
  return { unexcused, excused, stale };
}

/** The failure message: what is read without an index, where, the statement and its plan, and what to do. */
export function failureMessage(findings: Finding[]): string {
  const byTable = new Map<string, number>();
  for (const { problem } of findings) byTable.set(problem.table, (byTable.get(problem.table) ?? 0) + 1);
  const shown = findings.slice(0, 25).map(({ problem, statement, plan, where, statementShapes }, n) => {
    const sentBy = [...where];
    return [
      `${n + 1}. ${problem.table}: ${problem.reason}`,
      `   plan node: ${problem.node}`,
      `   in ${statementShapes.size} statement shape(s), sent by: ${sentBy.slice(0, 4).join("; ")}${sentBy.length > 4 ? `; and ${sentBy.length - 4} more` : ""}`,
      `   for example: ${clip(statement.sql, 1500)}`,
      `   params:    ${clip(JSON.stringify(statement.params), 300)}`,
      `   plan:\n${plan.replace(/^/gm, "      ")}`,
    ].join("\n");
  });
  return [
    `${findings.length} way(s) of reading a table that no index serves (by table: ${[...byTable].map(([table, count]) => `${table} ${count}`).join(", ")}).`,
    "Give such a lookup an index whose leading columns are the ones its condition compares (or its order sorts on): " +
      "a hand-written migration for both dialects in src/database/migrations/{sqlite,postgresql}, listed in migrations/index.ts, " +
      "and the same @Index on the entity; or change the statement so that an index can serve it (a condition on every row of " +
      "a big table, such as an uncorrelated `id in (select id from <table> where <policy>)`, no index can serve).",
    ...shown,
    findings.length > shown.length
      ? `... and ${findings.length - shown.length} more; QUERY_PLANS_REPORT=1 prints every statement with its plan.`
      : "",
  ].join("\n\n");
}

/** QUERY_PLANS_REPORT=1: every workload's statements with their plans, and what the known causes excused. */
export function printReport(runs: Run[], verdicts: Map<string, Verdict>, excused: Map<KnownCause, number>): void {
  for (const { workload, principal, statements } of runs) {
    console.info(`\n## ${workload} (${principal}): ${statements.length} statements`);
    for (const statement of statements) {
      const verdict = verdicts.get(keyOf(statement))!;
      console.info(
        `\n${clip(statement.sql, 2000)}\n  params: ${clip(JSON.stringify(statement.params), 300)}\n${verdict.plan.replace(/^/gm, "  ")}`,
      );
    }
  }
  console.info("\n## statements per workload");
  for (const { workload, principal, statements } of runs)
    console.info(`${String(statements.length).padStart(4)}  ${workload} (${principal})`);
  for (const [known, count] of excused) console.info(`\nexcused (${count} finding(s)): ${known.cause}`);
  console.info(
    `\n${runs.length} workload runs sent ${runs.reduce((n, r) => n + r.statements.length, 0)} statements, ${verdicts.size} distinct`,
  );
}
