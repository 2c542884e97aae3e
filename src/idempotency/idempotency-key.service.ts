import { createHash } from "node:crypto";
import type { RequestContext } from "../common/context";
import { InvalidInputError, type InvalidParams } from "../common/errors";
import { characterCount } from "../common/validation";
import { serialiseOnKeys } from "../database/advisory-lock";
import { IdempotencyKey } from "./idempotency-key.entity";

/** What a key says about the call that brings it: first time (store the result with this hash), or a retry. */
export type IdempotencyClaim = { first: true; hash: string } | { first: false; resultaat: Record<string, unknown> };

/** A stable text of a GraphQL input: object keys sorted, so that the same input always hashes alike. */
function canonical(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object" || value instanceof Date) return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/**
 * Idempotency keys of the workflow mutations, per client (principal.clientId). In the open
 * transaction: `claim` serialises on the key, so that of two concurrent calls with one key the
 * second waits for the first and then gets its answer; `store` records the first call's result in
 * the same transaction as its writes, so a rolled-back call leaves no key behind.
 */
export class IdempotencyKeyService {
  constructor(private readonly ctx: RequestContext) {}

  /** The rules of a key as given (1 to 255 characters), under `name`. */
  static check(sleutel: string | null | undefined, name: string, problems: InvalidParams): void {
    if (sleutel === undefined || sleutel === null) return;
    if (sleutel.trim() === "") problems.add(name, "blank", "Dit veld mag niet leeg zijn.");
    else if (characterCount(sleutel) > 255) problems.add(name, "max_length", "Zorg ervoor dat dit veld niet meer dan 255 tekens bevat.");
  }

  /**
   * First use of this key, or the stored result of the call that used it before with the same
   * input. The same key with another input (or for another operation) is refused: code conflict.
   */
  async claim(operatie: string, sleutel: string, input: unknown, name: string): Promise<IdempotencyClaim> {
    const clientId = this.ctx.principal.clientId;
    const hash = createHash("sha256").update(canonical(input)).digest("hex");
    await serialiseOnKeys(this.ctx.em, "idempotency", [JSON.stringify([clientId, sleutel])]);
    const existing = await this.ctx.em.findOne(IdempotencyKey, { clientId, sleutel });
    if (!existing) return { first: true, hash };
    if (existing.operatie !== operatie || existing.inputHash !== hash) {
      throw InvalidInputError.of(
        name,
        "conflict",
        "Deze idempotentiesleutel is al gebruikt voor een andere aanroep; gebruik een nieuwe sleutel.",
      );
    }
    return { first: false, resultaat: existing.resultaat };
  }

  /** Records the result of the first call with this key (persisted, flushed with the write). */
  store(operatie: string, sleutel: string, hash: string, resultaat: Record<string, unknown>): void {
    this.ctx.em.create(IdempotencyKey, { clientId: this.ctx.principal.clientId, sleutel, operatie, inputHash: hash, resultaat } as never);
  }
}
