import type { FilterQuery } from "@mikro-orm/core";
import { NEWEST_FIRST, paginate, type Connection, type PageArgs } from "../common/connection";
import type { RequestContext } from "../common/context";
import { toObjectidentificator } from "../common/embeddables.input";
import { InvalidParams } from "../common/errors";
import { identificatorCondition, uuidFilter } from "../common/filters";
import { loadRelated } from "../common/loaders";
import { findByUuid, getByUuid, resolveReference } from "../common/references";
import { fieldErrors } from "../common/validation";
import { Bijlage } from "./bijlage.entity";
import type { BijlageFilter, BijlageInput, BijlageUpdateInput } from "./bijlage.input";
import { Klantcontact } from "./klantcontact.entity";

export class BijlageService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<Bijlage | null> {
    return findByUuid(this.ctx, Bijlage, uuid);
  }

  list(filter: BijlageFilter | null | undefined, page: PageArgs): Promise<Connection<Bijlage>> {
    const where: FilterQuery<Bijlage> = {};
    if (filter?.klantcontact != null) {
      where.wasBijlageVanKlantcontact = { uuid: uuidFilter(filter.klantcontact) };
    }
    const identificator = identificatorCondition(filter?.bijlageidentificator);
    if (identificator) (where as Record<string, unknown>).bijlageidentificator = identificator;
    return paginate(this.ctx.em, Bijlage, where, NEWEST_FIRST, page);
  }

  klantcontact(bijlage: Bijlage): Promise<Klantcontact | null> {
    return loadRelated(this.ctx, Klantcontact, bijlage.wasBijlageVanKlantcontact);
  }

  async create(input: BijlageInput): Promise<Bijlage> {
    const bijlage = new Bijlage();
    await this.apply(bijlage, input);
    return this.ctx.transaction(async () => {
      await this.ctx.em.persistAndFlush(bijlage);
      return bijlage;
    });
  }

  async update(uuid: string, input: BijlageUpdateInput): Promise<Bijlage> {
    const bijlage = await getByUuid(this.ctx, Bijlage, uuid);
    await this.apply(bijlage, input);
    return this.ctx.transaction(async () => {
      await this.ctx.em.flush();
      return bijlage;
    });
  }

  async delete(uuid: string): Promise<string> {
    const bijlage = await getByUuid(this.ctx, Bijlage, uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Bijlage, { id: bijlage.id }));
    return bijlage.uuid;
  }

  /** Checks everything, then changes the (not yet flushed) entity. */
  private async apply(bijlage: Bijlage, input: BijlageInput): Promise<void> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    const klantcontact = await resolveReference(
      this.ctx,
      Klantcontact,
      input.wasBijlageVanKlantcontact,
      "wasBijlageVanKlantcontact",
      problems,
    );
    problems.throwIfAny();
    if (klantcontact !== undefined) bijlage.wasBijlageVanKlantcontact = klantcontact;
    const identificator = toObjectidentificator(input.bijlageidentificator);
    if (identificator !== undefined) bijlage.bijlageidentificator = identificator;
  }
}
