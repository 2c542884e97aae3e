/**
 * A uuid of an object made earlier in the same run. Generated steps cannot know those uuids
 * (the server makes them), so a step holds a Ref, and the runner resolves it against the pools of
 * uuids from successful answers when the step runs.
 *
 * `pick` 0 is the newest object of `type` (null: of any type) in the live or the deleted pool.
 */
export class Ref {
  constructor(
    readonly type: string | null,
    readonly pool: "live" | "deleted",
    readonly pick: number,
    /** How the uuid is written: as given out, in upper case, with spaces around it, or with a NUL after it. */
    readonly spelling: "exact" | "upper" | "padded" | "nul",
    /**
     * Used when the pool is empty. Null in a valid step, which refers only to what exists: an
     * optional field (or list item) is then left out, and a step that needs the object is
     * skipped, since a reference to nothing would only be refused (odd steps try that).
     */
    readonly fallback: string | null,
    readonly omittable: boolean,
  ) {}

  toString(): string {
    const spelling = this.spelling === "exact" ? "" : `.${this.spelling}`;
    const missing = this.fallback !== null ? "" : this.omittable ? "?" : "!";
    return `@${this.type ?? "any"}${this.pool === "deleted" ? "(deleted)" : ""}#${this.pick}${spelling}${missing}`;
  }

  /** The same reference to another object of the pool (the next older one). */
  next(): Ref {
    return new Ref(this.type, this.pool, this.pick + 1, this.spelling, this.fallback, this.omittable);
  }
}
