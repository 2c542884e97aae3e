import type { FilterQuery } from "@mikro-orm/core";
import { refuseBurger, requireAreaScope } from "../auth/access";
import { AuditSoort } from "../audit/enums";
import type { RequestContext } from "../common/context";
import { uuidFilter } from "../common/filters";
import { NEWEST_FIRST, type Connection, type PageArgs } from "../common/connection";
import { InvalidParams, NotFoundError } from "../common/errors";
import { EntityGate } from "../common/gate";
import { fieldErrors } from "../common/validation";
import type { Partij } from "./partij.entity";
import { PartijService } from "./partij.service";
import { Rekeningnummer } from "./rekeningnummer.entity";
import type {
  PartijRekeningnummerInput,
  RekeningnummerFilter,
  RekeningnummerInput,
  RekeningnummerUpdateInput,
} from "./rekeningnummer.input";

/**
 * IBANs and BICs are compared and stored in upper case: neither code distinguishes case, so
 * "nl91abna..." and "NL91ABNA..." are the same account. Spaces are refused (the standard's
 * pattern), never removed.
 */
function normaliseCode(code: string): string {
  return code.toUpperCase();
}

export class RekeningnummerService {
  /** The only way to Rekeningnummer rows. */
  private readonly gate: EntityGate<Rekeningnummer>;

  constructor(private readonly ctx: RequestContext) {
    // visible with its partij (PartijService.visibleUnder), which is its data subject
    this.gate = new EntityGate<Rekeningnummer>(ctx, Rekeningnummer, {
      visible: () => this.partijen.visibleUnder<Rekeningnummer>("partij"),
      onRead: (rows) => this.partijen.auditUnder(rows.map((row) => row.partij)),
    });
  }

  /** Reading needs partijen.lezen (FORBIDDEN before SQL); the gate decides which rows. */
  private get reading(): EntityGate<Rekeningnummer> {
    requireAreaScope(this.ctx, "partijen", "lezen");
    return this.gate;
  }

  /** Writing needs partijen.schrijven (or .verwijderen), and is for staff only. */
  private writable(action: "schrijven" | "verwijderen" = "schrijven"): void {
    requireAreaScope(this.ctx, "partijen", action);
    refuseBurger(this.ctx);
  }

  byUuid(uuid: string): Promise<Rekeningnummer | null> {
    return this.reading.byUuid(uuid);
  }

  /** The rekeningnummer a relation points at (Partij.voorkeursRekeningnummer); null when absent or not visible. */
  related(ref: { id: number } | null | undefined): Promise<Rekeningnummer | null> {
    return this.reading.related(ref);
  }

  /** The rekeningnummers of a partij (batched over all partijen in the request), oldest first. */
  vanPartij(partij: Partij): Promise<Rekeningnummer[]> {
    return this.reading.children("partij", partij.id);
  }

  /** The same rows for the checks of a write, which needs the write's scope, not partijen.lezen. */
  vanPartijVoorWijziging(partij: Partij): Promise<Rekeningnummer[]> {
    return this.gate.children("partij", partij.id);
  }

  /** The visible rekeningnummer with this uuid, for an input that names it (no read scope needed). */
  findForInput(uuid: string): Promise<Rekeningnummer | null> {
    return this.gate.byUuid(uuid);
  }

  /** Locks the row until the transaction ends if it (still) belongs to `partij`; false when it does not. */
  async lockIfOf(row: Rekeningnummer, partij: Partij): Promise<boolean> {
    return (await this.ctx.lock(Rekeningnummer, { id: row.id, partij: partij.id })).length > 0;
  }

  /** Reads these managed rows again (one statement), for a write that decides under a lock; NOT_FOUND if one is gone. */
  async readAgain(rows: Rekeningnummer[]): Promise<void> {
    if (rows.length === 0) return;
    const found = await this.gate.find({ id: { $in: rows.map((r) => r.id) } }, { refresh: true });
    const gone = rows.find((row) => !found.includes(row));
    if (gone) throw new NotFoundError(Rekeningnummer.name, gone.uuid);
  }

  list(filter: RekeningnummerFilter | null | undefined, page: PageArgs): Promise<Connection<Rekeningnummer>> {
    const where: FilterQuery<Rekeningnummer> = {};
    if (filter?.iban) where.iban = normaliseCode(filter.iban);
    if (filter?.bic) where.bic = normaliseCode(filter.bic);
    if (filter?.partij) where.partij = { uuid: uuidFilter(filter.partij) };
    return this.reading.page(where, NEWEST_FIRST, page);
  }

  partij(rekeningnummer: Rekeningnummer): Promise<Partij | null> {
    return this.partijen.related(rekeningnummer.partij);
  }

  private get partijen() {
    return this.ctx.service(PartijService);
  }

  async create(input: RekeningnummerInput): Promise<Rekeningnummer> {
    this.writable();
    return this.ctx.transaction(async () => {
      const partij = await this.check(input);
      const rekeningnummer = this.ctx.em.create(Rekeningnummer, { iban: normaliseCode(input.iban) } as never);
      this.apply(rekeningnummer, input, partij);
      await this.ctx.em.flush();
      this.partijen.auditUnder([rekeningnummer.partij], AuditSoort.SCHRIJVEN);
      return rekeningnummer;
    });
  }

  async update(uuid: string, input: RekeningnummerUpdateInput): Promise<Rekeningnummer> {
    this.writable();
    const rekeningnummer = await this.gate.get(uuid);
    return this.ctx.transaction(async () => {
      const partij = await this.check(input);
      // the partij it leaves and the one it joins, then the row as it is now (see DigitaalAdresService.update)
      await this.partijen.lockOwners([partij?.id], [rekeningnummer]);
      const from = rekeningnummer.partij?.id ?? null;
      this.partijen.auditUnder([rekeningnummer.partij], AuditSoort.SCHRIJVEN);
      this.apply(rekeningnummer, input, partij);
      await this.ctx.em.flush();
      const to = rekeningnummer.partij?.id ?? null;
      if (to !== from) await this.partijen.clearVoorkeurOfOthers("rekeningnummer", [rekeningnummer.id], to);
      this.partijen.auditUnder([rekeningnummer.partij], AuditSoort.SCHRIJVEN);
      return rekeningnummer;
    });
  }

  /** Deletes the rekeningnummer only; a partij that had it as voorkeur gets null (by the FK). */
  async delete(uuid: string): Promise<string> {
    this.writable("verwijderen");
    const rekeningnummer = await this.gate.get(uuid);
    await this.ctx.transaction(async () => {
      await this.ctx.em.nativeDelete(Rekeningnummer, { id: rekeningnummer.id });
      this.partijen.auditUnder([rekeningnummer.partij], AuditSoort.VERWIJDEREN);
    });
    return rekeningnummer.uuid;
  }

  /** The rules of a new rekeningnummer inside the createPartij of its partij, named under `prefix`; no SQL. */
  async checkNested(input: PartijRekeningnummerInput, prefix: string, problems: InvalidParams): Promise<void> {
    problems.addAll(await fieldErrors(input, prefix));
  }

  /** A new rekeningnummer of a new partij from a checked nested input, persisted but not flushed. */
  buildNested(input: PartijRekeningnummerInput, partij: Partij): Rekeningnummer {
    const rekeningnummer = this.ctx.em.create(Rekeningnummer, { iban: normaliseCode(input.iban) } as never);
    this.apply(rekeningnummer, input, partij);
    return rekeningnummer;
  }

  private async check(input: RekeningnummerInput | RekeningnummerUpdateInput): Promise<Partij | null | undefined> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    const partij = await this.partijen.reference(input.partij, "partij", problems);
    problems.throwIfAny();
    return partij;
  }

  private apply(
    rekeningnummer: Rekeningnummer,
    input: PartijRekeningnummerInput | RekeningnummerUpdateInput,
    partij: Partij | null | undefined,
  ) {
    if (partij !== undefined) rekeningnummer.partij = partij;
    if (input.iban != null) rekeningnummer.iban = normaliseCode(input.iban);
    if (input.bic !== undefined) rekeningnummer.bic = input.bic == null ? "" : normaliseCode(input.bic);
  }
}
