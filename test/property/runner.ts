import { isDeepStrictEqual } from "node:util";
import type { GraphQLFormattedError } from "graphql";
import type { TestApp } from "../support/app";
import { dialect } from "../support/database";
import type { Coverage, Outcome } from "./coverage";
import { differences, type DatabaseState, type Snapshot } from "./database-state";
import { oddFeatures } from "./odd-values";
import type { MutationModel, SchemaModel } from "./schema-model";
import { Ref } from "./refs";
import { show } from "./show";
import type { Step } from "./steps";

/**
 * Runs generated steps one by one against the subgraph, as separate requests, and checks what a
 * client relies on:
 * - no error is an internal one (or has a code other than BAD_USER_INPUT and NOT_FOUND), and a
 *   BAD_USER_INPUT error names its fields (invalidParams with name, code and reason);
 * - after a success, every object the answer shows reads back the same in a fresh request (a
 *   deleted one reads back as null);
 * - after a refusal, no row of any table changed.
 */

export type FailureKind =
  | "internal error"
  | "unexpected error code"
  | "BAD_USER_INPUT without invalidParams"
  | "refused but wrote"
  | "answer differs from what is stored"
  | "answered object not stored"
  | "deleted object still there"
  | "read back failed";

export interface Failure {
  kind: FailureKind;
  mutation: string;
  /** What groups equal failures: the kind, the mutation and where (error path, differing fields, tables). */
  key: string;
  /** The report a developer reads: the step with its variables, the answer, the steps before it. */
  report: string;
  /** Size of the step's variables: the smallest example of a group is the one to show. */
  size: number;
}

interface Problem {
  kind: FailureKind;
  where: string;
  details: string[];
  /** The values whose odd features name the cause (the answered values that differ); else all variables. */
  suspects?: unknown;
}

interface Pools {
  live: Map<string, string[]>;
  deleted: Map<string, string[]>;
}

const REFUSALS = new Set(["BAD_USER_INPUT", "NOT_FOUND"]);
const LEFT_OUT = Symbol("left out");
const NEEDS_WHAT_IS_NOT_THERE = Symbol("needs what is not there");

export class Runner {
  private pools: Pools = { live: new Map(), deleted: new Map() };
  private history: string[] = [];
  /** Set once a run failed: fast-check then shrinks by running smaller runs, which the figures leave out. */
  private shrinking = false;

  constructor(
    private readonly app: TestApp,
    private readonly model: SchemaModel,
    private readonly state: DatabaseState,
    private readonly coverage: Coverage,
    /** Throws to fail the run (fast-check then shrinks it), or records the failure and lets the run go on. */
    private readonly onFailure: (failure: Failure) => void,
    /** Prints every step with its answer (PROPERTY_TRACE=1), to see why steps are refused. */
    private readonly trace = false,
  ) {}

  async run(steps: Step[]): Promise<void> {
    await this.state.reset();
    // The statements the app records would otherwise pile up over thousands of mutations.
    this.app.statements.length = 0;
    this.pools = { live: new Map(), deleted: new Map() };
    this.history = [];
    if (!this.shrinking) this.coverage.runs++;
    let before = await this.state.snapshot();
    for (const step of steps) before = await this.step(step, before);
  }

  /** Runs one step; returns the snapshot after it. */
  private async step(step: Step, before: Snapshot): Promise<Snapshot> {
    const mutation = step.mutation;
    const variables = this.resolve(step.variables);
    if (variables === NEEDS_WHAT_IS_NOT_THERE) {
      if (!this.shrinking) this.coverage.skip(mutation.name);
      this.history.push(`${mutation.name}(${show(step.variables)}) skipped: refers to an object of a kind this run has not made`);
      return before;
    }
    const result = await this.app.execute(mutation.document, variables);
    const errors = result.errors ?? [];
    const answer = (result.data as Record<string, unknown> | null | undefined)?.[mutation.name];
    const after = await this.state.snapshot();
    if (this.trace) console.log(`${mutation.name} [${step.mode}] ${show(variables).slice(0, 300)}\n  → ${traceLine(errors)}`);

    const problems: Problem[] = [];
    const unexpected = errors.find((e) => !REFUSALS.has(String(e.extensions?.code)));
    // GraphQL's own refusal of a variable (a value its scalar does not accept, such as a leap
    // second) carries no invalidParams; every refusal by the subgraph's rules must name its fields.
    const shapeless = errors.find((e) => e.extensions?.code === "BAD_USER_INPUT" && !isVariableCoercion(e) && !hasInvalidParams(e));
    const refused = errors.length > 0 || answer === null || answer === undefined;
    if (unexpected) {
      const code = unexpected.extensions?.code;
      const kind = code === "INTERNAL_SERVER_ERROR" ? "internal error" : "unexpected error code";
      problems.push({ kind, where: `${code} at ${(unexpected.path ?? []).join(".")}`, details: [] });
    } else if (shapeless) {
      problems.push({
        kind: "BAD_USER_INPUT without invalidParams",
        where: shapeless.message.replace(/"[^"]*"/g, '"…"').slice(0, 80),
        details: [],
      });
    }
    if (refused) {
      const changed = differences(before, after);
      if (changed.length > 0) {
        const tables = changed.filter((l) => !l.startsWith(" ")).map((l) => l.split(":")[0]);
        problems.push({ kind: "refused but wrote", where: tables.join(","), details: ["changed rows:", ...changed] });
      }
    } else {
      this.remember(answer);
      problems.push(...(await this.readBack(mutation, answer, variables)));
    }

    const outcome: Outcome =
      problems.length > 0 ? "failed" : refused ? ((errors[0]?.extensions?.code as Outcome | undefined) ?? "failed") : "ok";
    if (!this.shrinking) this.coverage.record(mutation.name, outcome);
    for (const problem of problems) {
      this.fail(step, variables, problem.kind, problem.where, oddFeatures(problem.suspects ?? variables), [
        `errors: ${JSON.stringify(errors)}`,
        ...problem.details,
      ]);
    }
    this.history.push(`${mutation.name}(${show(variables)}) → ${refused ? errors.map((e) => e.extensions?.code).join(",") : "ok"}`);
    return after;
  }

  /** Reads every object of the answer back in a fresh request and compares; a deleted object must be gone. */
  private async readBack(mutation: MutationModel, answer: unknown, variables: Record<string, unknown>) {
    const problems: Problem[] = [];
    for (const { path, type } of mutation.answerObjects) {
      for (const shown of objectsAt(answer, path)) {
        const uuid = (shown as { uuid?: unknown }).uuid;
        const read = await this.app.execute(type.readBack, { uuid });
        if (read.errors?.length) {
          problems.push({ kind: "read back failed", where: type.queryField, details: [`read back: ${JSON.stringify(read.errors)}`] });
          continue;
        }
        const stored = (read.data as Record<string, unknown>)[type.queryField];
        if (stored === null) {
          problems.push({ kind: "answered object not stored", where: type.type.name, details: [`answer: ${show(shown)}`] });
        } else if (!isDeepStrictEqual(stored, shown)) {
          const fields = differingPaths(shown, stored, type.type.name);
          problems.push({
            kind: "answer differs from what is stored",
            where: fields.map((f) => f.path).join(","),
            details: fields.map((f) => `${f.path}: answered ${show(f.answered)}, stored ${show(f.stored)}`),
            suspects: fields.map((f) => f.answered),
          });
        }
      }
    }
    if (mutation.deletes) {
      const uuid = variables.uuid as string;
      const read = await this.app.execute(`query Gone($uuid: ID!) { ${mutation.deletes.queryField}(uuid: $uuid) { __typename } }`, {
        uuid,
      });
      if (read.errors?.length || (read.data as Record<string, unknown>)[mutation.deletes.queryField] !== null) {
        problems.push({
          kind: "deleted object still there",
          where: mutation.deletes.type.name,
          details: [`read back: ${JSON.stringify(read)}`],
        });
      }
      this.forget(mutation.deletes.type.name, uuid);
    }
    return problems;
  }

  private fail(
    step: Step,
    variables: Record<string, unknown>,
    kind: FailureKind,
    where: string,
    features: string[],
    details: string[],
  ): void {
    const mutation = step.mutation;
    const earlier = this.history.slice(-30);
    const odd = features.length ? `; odd: ${features.join(", ")}` : "";
    const report = [
      `${kind}: ${mutation.name} on ${dialect} (${where}${odd})`,
      `variables: ${show(variables)}`,
      ...details,
      `operation: ${mutation.document}`,
      `steps before it in this run (${this.history.length}${earlier.length < this.history.length ? `, the last ${earlier.length}` : ""}):`,
      ...earlier.map((line, i) => `  ${this.history.length - earlier.length + i + 1}. ${line}`),
    ].join("\n");
    const failure: Failure = {
      kind,
      mutation: mutation.name,
      // One cause, one group: a difference by the odd text that caused it (or else by its fields), an error by where and with what.
      key: [kind, mutation.name, ...(kind === "answer differs from what is stored" && features.length ? [] : [where]), ...features].join(
        " | ",
      ),
      report,
      size: show(variables).length,
    };
    try {
      this.onFailure(failure);
    } catch (error) {
      this.shrinking = true;
      throw error;
    }
  }

  /** Adds every readable object of an answer (made, changed or referred to) to the live pool of its type. */
  private remember(value: unknown): void {
    if (Array.isArray(value)) {
      for (const v of value) this.remember(v);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const { __typename, uuid } = value as { __typename?: unknown; uuid?: unknown };
    if (typeof __typename === "string" && typeof uuid === "string" && this.model.readable.has(__typename)) {
      const list = this.pools.live.get(__typename) ?? [];
      if (!list.includes(uuid)) list.push(uuid);
      this.pools.live.set(__typename, list);
    }
    for (const v of Object.values(value)) this.remember(v);
  }

  private forget(type: string, written: string): void {
    const uuid = written.trim().replace(/\0/g, "").toLowerCase();
    const live = this.pools.live.get(type) ?? [];
    if (!live.includes(uuid)) return;
    this.pools.live.set(
      type,
      live.filter((u) => u !== uuid),
    );
    this.pools.deleted.set(type, [...(this.pools.deleted.get(type) ?? []), uuid]);
  }

  /** The variables with every Ref replaced by a uuid from the pools of this run (or left out, see Ref.fallback). */
  private resolve(variables: Record<string, unknown>): Record<string, unknown> | typeof NEEDS_WHAT_IS_NOT_THERE {
    let runnable = true;
    const walk = (value: unknown): unknown => {
      if (value instanceof Ref) {
        const uuid = this.uuidFor(value);
        if (uuid === null && !value.omittable) runnable = false;
        return uuid ?? LEFT_OUT;
      }
      if (Array.isArray(value)) return value.map(walk).filter((v) => v !== LEFT_OUT);
      if (value !== null && typeof value === "object") {
        return Object.fromEntries(
          Object.entries(value)
            .map(([k, v]) => [k, walk(v)])
            .filter(([, v]) => v !== LEFT_OUT),
        );
      }
      return value;
    };
    const resolved = walk(variables) as Record<string, unknown>;
    return runnable ? resolved : NEEDS_WHAT_IS_NOT_THERE;
  }

  private uuidFor(ref: Ref): string | null {
    const pool = this.pools[ref.pool];
    const candidates = ref.type ? (pool.get(ref.type) ?? []) : [...pool.values()].flat();
    const uuid = candidates.length ? candidates[candidates.length - 1 - (ref.pick % candidates.length)] : ref.fallback;
    if (uuid === null) return null;
    switch (ref.spelling) {
      case "upper":
        return uuid.toUpperCase();
      case "padded":
        return ` ${uuid} `;
      case "nul":
        return `${uuid}\u0000`;
      default:
        return uuid;
    }
  }
}

function traceLine(errors: readonly GraphQLFormattedError[]): string {
  if (errors.length === 0) return "ok";
  return errors
    .map((e) => {
      const params = e.extensions?.invalidParams as Array<{ name: string; code: string }> | undefined;
      return `${e.extensions?.code} ${params ? params.map((p) => `${p.name}:${p.code}`).join(" ") : e.message.slice(0, 200)}`;
    })
    .join("; ");
}

function isVariableCoercion(error: GraphQLFormattedError): boolean {
  return error.path === undefined && error.message.startsWith('Variable "$');
}

function hasInvalidParams(error: GraphQLFormattedError): boolean {
  const params = error.extensions?.invalidParams;
  return (
    Array.isArray(params) &&
    params.length > 0 &&
    params.every((p) => typeof p?.name === "string" && typeof p.code === "string" && typeof p.reason === "string" && p.reason !== "")
  );
}

function objectsAt(value: unknown, path: string[]): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => objectsAt(v, path));
  if (path.length === 0) return [value];
  return objectsAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

/** The leaves where two answers differ, as dotted paths. */
function differingPaths(answered: unknown, stored: unknown, path: string): Array<{ path: string; answered: unknown; stored: unknown }> {
  if (isDeepStrictEqual(answered, stored)) return [];
  const bothObjects = answered !== null && stored !== null && typeof answered === "object" && typeof stored === "object";
  if (!bothObjects || Array.isArray(answered) !== Array.isArray(stored)) return [{ path, answered, stored }];
  const keys = new Set([...Object.keys(answered as object), ...Object.keys(stored as object)]);
  return [...keys].flatMap((k) =>
    differingPaths((answered as Record<string, unknown>)[k], (stored as Record<string, unknown>)[k], `${path}.${k}`),
  );
}
