import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApp } from "../support/app";
import { dialect } from "../support/database";
import { captureStatements, isTransactionControl, type CapturedStatement } from "./query-plans/capture";
import { postgresExplainer, sqliteExplainer, type Explainer } from "./query-plans/explain";
import { KNOWN_CAUSES, type KnownCause } from "./query-plans/known-problems";
import { excuse, failureMessage, findProblems, printReport, type Run } from "./query-plans/report";
import { seedPlanData, type PlanData } from "./query-plans/seed";
import { principals, WORKLOADS, type PrincipalName } from "./query-plans/workloads";

/**
 * Every lookup real clients make is served by an index (issue 9): the workloads of the benchmark
 * and the common lists run through the GraphQL API on a registry of realistic shape, as a
 * principal with every scope and as restricted ones, and the plan of every statement they send is
 * checked (query-plans/explain.ts says how, per dialect). A failure names the table, the plan node,
 * the workloads and an example statement with its plan. QUERY_PLANS_REPORT=1 prints every
 * workload's statements with their plans.
 */

/** Lookup tables of a handful of rows, which may be read whole. */
const SMALL_TABLES = new Set(["categorie"]);

let app: TestApp;
let data: PlanData;
let explainer: Explainer;

beforeAll(async () => {
  app = await TestApp.start();
  data = await seedPlanData(app.orm);
  const tables = Object.values(app.orm.getMetadata().getAll())
    .filter((meta) => !meta.embeddable && !meta.abstract && meta.tableName)
    .map((meta) => meta.tableName);
  explainer =
    dialect === "postgresql"
      ? await postgresExplainer(app.orm.config.get("clientUrl")!, SMALL_TABLES)
      : sqliteExplainer(new Set(tables), SMALL_TABLES);
}, 180_000);

afterAll(async () => {
  await explainer?.close();
  await app?.stop();
});

async function statementsOf(sql: string): Promise<CapturedStatement[]> {
  const { statements } = await captureStatements(() => app.orm.em.fork().getConnection().execute(sql));
  return statements;
}

describe(`query plans (${dialect})`, () => {
  it("the check names a table that no index serves, and accepts a lookup by an index", async () => {
    // A lookup by a column without an index: the check must fail it (else it could never fail).
    const [unindexed] = await statementsOf(`select id from klantcontact where onderwerp = 'Geen bestaand onderwerp'`);
    const bad = await explainer.explain(unindexed);
    expect(bad.problems.map((p) => p.table)).toEqual(["klantcontact"]);

    const [indexed] = await statementsOf(`select id from klantcontact where uuid = '${data.klantcontactUuid}'`);
    expect((await explainer.explain(indexed)).problems).toEqual([]);
  });

  it("a known cause excuses only what it names, for the principals it names", () => {
    const cause: KnownCause = { cause: "a test cause", principals: ["burger"], patterns: { [dialect]: [/^(Seq Scan on|SCAN) partij\b/] } };
    const seen = (...names: PrincipalName[]) => ({
      node: dialect === "postgresql" ? "Seq Scan on partij p0" : "SCAN partij",
      principals: new Set(names),
    });
    expect(excuse([seen("burger")], [cause], dialect).unexcused).toEqual([]);
    expect(excuse([seen("burger", "alle scopes")], [cause], dialect).unexcused).toHaveLength(1);
    expect(excuse([], [cause], dialect).stale).toEqual([cause]);
  });

  it("every statement of the workloads is served by an index, for every principal", { timeout: 300_000 }, async () => {
    const who = principals(data);
    const runs: Run[] = [];
    const failures: string[] = [];
    let run = 0;
    for (const workload of WORKLOADS) {
      for (const principal of workload.as) {
        const logged = app.statements.length;
        const { result, statements } = await captureStatements(() =>
          app.execute(workload.document, workload.variables(data, run++), { principal: who[principal] }),
        );
        if (result.errors?.length) {
          failures.push(`${workload.name} (${principal}) failed: ${JSON.stringify(result.errors)}`);
          continue;
        }
        const queries = statements.filter((s) => !isTransactionControl(s.sql));
        // The capture must see at least every statement the app reports (TestApp counts them through
        // MikroORM's logger), or a statement could escape the check.
        const reported = app.statements.slice(logged).filter((sql) => !isTransactionControl(sql)).length;
        if (queries.length < reported)
          failures.push(`${workload.name} (${principal}): ${reported} statements reported, ${queries.length} captured`);
        runs.push({ workload: workload.name, principal, statements: queries });
      }
    }
    expect(failures).toEqual([]);

    // Each distinct statement explained once; known causes excuse what they describe, and only that.
    const { findings, verdicts } = await findProblems(runs, explainer);
    const { unexcused, excused, stale } = excuse(findings, KNOWN_CAUSES, dialect);
    if (process.env.QUERY_PLANS_REPORT) printReport(runs, verdicts, excused);
    expect(unexcused.length, failureMessage(unexcused)).toBe(0);
    expect(
      stale.map((known) => known.cause),
      "these known causes no longer occur on this dialect: delete them (or their patterns) from query-plans/known-problems.ts",
    ).toEqual([]);
  });
});
