import type { FilterQuery } from "@mikro-orm/core";
import type { RequestContext } from "../common/context";
import { uuidFilter } from "../common/filters";
import { paginate, NEWEST_FIRST, type Connection, type PageArgs } from "../common/connection";
import { InvalidParams } from "../common/errors";
import { loadRelated } from "../common/loaders";
import { findByUuid, getByUuid, resolveReference } from "../common/references";
import { fieldErrors } from "../common/validation";
import { Partij } from "./partij.entity";
import { PartijService } from "./partij.service";
import { Rekeningnummer } from "./rekeningnummer.entity";
import type { RekeningnummerFilter, RekeningnummerInput, RekeningnummerUpdateInput } from "./rekeningnummer.input";

/**
 * IBANs are compared and stored in upper case: the checksum ignores case, so "nl91abna..." and
 * "NL91ABNA..." are the same account. Spaces are refused (the standard's pattern), never removed.
 */
function normaliseIban(iban: string): string {
  return iban.toUpperCase();
}

export class RekeningnummerService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<Rekeningnummer | null> {
    return findByUuid(this.ctx, Rekeningnummer, uuid);
  }

  list(filter: RekeningnummerFilter | null | undefined, page: PageArgs): Promise<Connection<Rekeningnummer>> {
    const where: FilterQuery<Rekeningnummer> = {};
    if (filter?.iban) where.iban = normaliseIban(filter.iban);
    if (filter?.bic) where.bic = filter.bic;
    if (filter?.partij) where.partij = { uuid: uuidFilter(filter.partij) };
    return paginate(this.ctx.em, Rekeningnummer, where, NEWEST_FIRST, page);
  }

  partij(rekeningnummer: Rekeningnummer): Promise<Partij | null> {
    return loadRelated(this.ctx, Partij, rekeningnummer.partij);
  }

  private get partijen() {
    return this.ctx.service(PartijService);
  }

  async create(input: RekeningnummerInput): Promise<Rekeningnummer> {
    return this.ctx.transaction(async () => {
      const partij = await this.check(input);
      const rekeningnummer = this.ctx.em.create(Rekeningnummer, { iban: normaliseIban(input.iban) } as never);
      this.apply(rekeningnummer, input, partij);
      await this.ctx.em.flush();
      return rekeningnummer;
    });
  }

  async update(uuid: string, input: RekeningnummerUpdateInput): Promise<Rekeningnummer> {
    const rekeningnummer = await getByUuid(this.ctx, Rekeningnummer, uuid);
    return this.ctx.transaction(async () => {
      const partij = await this.check(input);
      // the partij it leaves and the one it joins, then the row as it is now (see DigitaalAdresService.update)
      await this.partijen.lockOwners([partij?.id], [rekeningnummer]);
      const from = rekeningnummer.partij?.id ?? null;
      this.apply(rekeningnummer, input, partij);
      await this.ctx.em.flush();
      const to = rekeningnummer.partij?.id ?? null;
      if (to !== from) await this.partijen.clearVoorkeurOfOthers("rekeningnummer", [rekeningnummer.id], to);
      return rekeningnummer;
    });
  }

  /** Deletes the rekeningnummer only; a partij that had it as voorkeur gets null (by the FK). */
  async delete(uuid: string): Promise<string> {
    const rekeningnummer = await getByUuid(this.ctx, Rekeningnummer, uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Rekeningnummer, { id: rekeningnummer.id }));
    return rekeningnummer.uuid;
  }

  private async check(input: RekeningnummerInput | RekeningnummerUpdateInput): Promise<Partij | null | undefined> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    const partij = await resolveReference(this.ctx, Partij, input.partij, "partij", problems);
    problems.throwIfAny();
    return partij;
  }

  private apply(rekeningnummer: Rekeningnummer, input: RekeningnummerInput | RekeningnummerUpdateInput, partij: Partij | null | undefined) {
    if (partij !== undefined) rekeningnummer.partij = partij;
    if (input.iban != null) rekeningnummer.iban = normaliseIban(input.iban);
    if (input.bic !== undefined) rekeningnummer.bic = input.bic ?? "";
  }
}
