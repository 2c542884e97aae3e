import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKlantinteractiesSchema } from "../../src/schema";
import { TestApp } from "../support/app";
import { dialect } from "../support/database";
import { Coverage } from "./coverage";
import { DatabaseState } from "./database-state";
import { Runner, type Failure } from "./runner";
import { buildSchemaModel, type SchemaModel } from "./schema-model";
import { runArbitrary } from "./steps";

/**
 * Issue 6 point 9: generated mutations, every one the schema has, with valid-looking and odd
 * values, run in sequence; no answer may be an internal error and no answer may differ from what
 * is stored. README "Testing" explains the settings; in short:
 *   PROPERTY_MUTATIONS=10000   how many mutations (default 300, per database)
 *   PROPERTY_SEED=…   the same mutations again; with PROPERTY_PATH=… only the failing run, shrunk
 *                     (fast-check's report of a failure gives both)
 *   PROPERTY_SEQUENCE=100   the most steps one run sends to one fresh database
 *   PROPERTY_COLLECT=1   do not stop at the first failure: list every distinct failure at the end
 *   PROPERTY_TRACE=1   print every step and its answer
 */

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(raw)}`);
  return value;
}

const mutations = positiveInteger("PROPERTY_MUTATIONS", 300);
const sequenceLength = positiveInteger("PROPERTY_SEQUENCE", 100);
const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : (Date.now() ^ (Math.random() * 0x1_0000_0000)) | 0;
const replayPath = process.env.PROPERTY_PATH || undefined;
const collect = process.env.PROPERTY_COLLECT === "1";
const trace = process.env.PROPERTY_TRACE === "1";

describe(`generated mutations (${dialect})`, () => {
  let app: TestApp;
  let model: SchemaModel;
  let state: DatabaseState;

  beforeAll(async () => {
    app = await TestApp.start();
    model = buildSchemaModel(await buildKlantinteractiesSchema());
    state = await DatabaseState.open(app.orm);
  });
  afterAll(() => app?.stop());

  it("can check every mutation of the schema", () => {
    expect(model.mutations.length).toBeGreaterThan(0);
    // Every mutation can be read back or checked: one that acts on nothing readable would test only for internal errors.
    const unchecked = model.mutations.filter((m) => m.answerObjects.length === 0 && !m.deletes).map((m) => m.name);
    expect(unchecked).toEqual([]);
  });

  it(
    "never answer with an internal error, and store exactly what they answer",
    async () => {
      const coverage = new Coverage(model.mutations.map((m) => m.name));
      const failures = new Map<string, { count: number; smallest: Failure }>();
      const onFailure = (failure: Failure) => {
        if (!collect) throw new Error(failure.report);
        const group = failures.get(failure.key);
        if (!group) failures.set(failure.key, { count: 1, smallest: failure });
        else {
          group.count++;
          if (failure.size < group.smallest.size) group.smallest = failure;
        }
      };
      const runner = new Runner(app, model, state, coverage, onFailure, trace);
      console.log(
        `generated mutations on ${dialect}: seed ${seed}, ${mutations} mutations in runs of at most ${sequenceLength} steps` +
          (collect ? ", collecting every failure" : "") +
          ` (the same again: PROPERTY_SEED=${seed}${dialect === "postgresql" ? " DATABASE_URL=…" : ""})` +
          (model.untypedIds.length ? `\nID inputs of no evident type (given uuids of any type): ${model.untypedIds.join(", ")}` : ""),
      );
      const property = fc.asyncProperty(runArbitrary(model, sequenceLength), (steps) => runner.run(steps));
      try {
        if (replayPath) {
          await fc.assert(property, { seed, path: replayPath, numRuns: 1 });
        } else {
          // How many steps a run sends is known only afterwards (valid steps that need what the run
          // has not made are skipped), so rounds of runs follow until enough mutations were sent.
          // Each round has a seed of its own, derived from the first; fast-check reports it on a failure.
          for (let round = 0; coverage.total < mutations && round < 20; round++) {
            const perRun = coverage.runs > 0 ? Math.max(1, coverage.total / coverage.runs) : sequenceLength / 2;
            const numRuns = Math.max(1, Math.ceil((mutations - coverage.total) / perRun));
            await fc.assert(property, { seed: (seed + round) | 0, numRuns });
          }
        }
      } finally {
        console.log(coverage.report(`generated mutations on ${dialect}`));
      }
      if (failures.size > 0) {
        const groups = [...failures.values()].map(
          ({ count, smallest }) => `── ${smallest.key} (${count}×), smallest example:\n${smallest.report}`,
        );
        throw new Error(`${failures.size} distinct failures on ${dialect}:\n${groups.join("\n\n")}`);
      }
    },
    // Generous, so that a long run and the shrinking of a failure can finish; nothing is timed.
    Math.max(180_000, mutations * 200),
  );
});
