import type { FilterQuery } from "@mikro-orm/core";
import { requireAreaScope, requireStaffScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import { NEWEST_FIRST, type Connection, type PageArgs } from "../common/connection";
import type { RequestContext } from "../common/context";
import { toObjectidentificator, type ObjectidentificatorInput } from "../common/embeddables.input";
import { InvalidParams } from "../common/errors";
import { identificatorCondition, uuidFilter } from "../common/filters";
import { EntityGate, NO_ROWS, type GatePolicy } from "../common/gate";
import { fieldErrors } from "../common/validation";
import { Bijlage } from "./bijlage.entity";
import type { BijlageFilter, BijlageInput, BijlageUpdateInput } from "./bijlage.input";
import type { Klantcontact } from "./klantcontact.entity";
import { KlantcontactService } from "./klantcontact.service";

/**
 * Bijlagen and their read gate: a bijlage is visible when its klantcontact is. A citizen-bound
 * principal sees none (what Mijn Omgeving may show is the partij, its adressen, its klantcontacten
 * and their zaak links; documents come from the document registry under its own rules).
 */
export class BijlageService {
  private readonly gate: EntityGate<Bijlage>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate(ctx, Bijlage, this.policy());
  }

  private policy(): GatePolicy<Bijlage> {
    return {
      visible: () => {
        if (isBurger(this.ctx.principal)) return NO_ROWS as FilterQuery<Bijlage>;
        const klantcontacten = () => this.ctx.service(KlantcontactService).visibleIds();
        if (!klantcontacten()) return undefined;
        return {
          $or: [{ wasBijlageVanKlantcontact: null }, { wasBijlageVanKlantcontact: { $in: klantcontacten() } }],
        } as unknown as FilterQuery<Bijlage>;
      },
    };
  }

  private mayRead(): void {
    requireAreaScope(this.ctx, "klantcontacten", "lezen");
  }

  byUuid(uuid: string): Promise<Bijlage | null> {
    this.mayRead();
    return this.gate.byUuid(uuid);
  }

  list(filter: BijlageFilter | null | undefined, page: PageArgs): Promise<Connection<Bijlage>> {
    this.mayRead();
    const where: FilterQuery<Bijlage> = {};
    if (filter?.klantcontact != null) {
      const klantcontacten = this.ctx.service(KlantcontactService).idsWhere({ uuid: uuidFilter(filter.klantcontact) });
      Object.assign(where, { wasBijlageVanKlantcontact: { $in: klantcontacten } });
    }
    const identificator = identificatorCondition(filter?.bijlageidentificator);
    if (identificator) (where as Record<string, unknown>).bijlageidentificator = identificator;
    return this.gate.page(where, NEWEST_FIRST, page);
  }

  klantcontact(bijlage: Bijlage): Promise<Klantcontact | null> {
    return this.ctx.service(KlantcontactService).related(bijlage.wasBijlageVanKlantcontact);
  }

  /** Klantcontact.omvatteBijlagen, batched over all klantcontacten of the request. */
  vanKlantcontact(klantcontact: Klantcontact): Promise<Bijlage[]> {
    this.mayRead();
    return this.gate.children("wasBijlageVanKlantcontact", klantcontact.id);
  }

  async create(input: BijlageInput): Promise<Bijlage> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const bijlage = new Bijlage();
    await this.apply(bijlage, input);
    return this.ctx.transaction(async () => {
      await this.ctx.em.persistAndFlush(bijlage);
      return bijlage;
    });
  }

  async update(uuid: string, input: BijlageUpdateInput): Promise<Bijlage> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const bijlage = await this.gate.get(uuid);
    await this.apply(bijlage, input);
    return this.ctx.transaction(async () => {
      await this.ctx.em.flush();
      return bijlage;
    });
  }

  async delete(uuid: string): Promise<string> {
    requireStaffScope(this.ctx, "klantcontacten", "verwijderen");
    const bijlage = await this.gate.get(uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Bijlage, { id: bijlage.id }));
    return bijlage.uuid;
  }

  /** A new bijlage of a klantcontact from a checked identificator (a workflow's part), persisted but not flushed. */
  build(identificator: ObjectidentificatorInput, klantcontact: Klantcontact): Bijlage {
    const bijlage = new Bijlage();
    bijlage.wasBijlageVanKlantcontact = klantcontact;
    bijlage.bijlageidentificator = toObjectidentificator(identificator) ?? null;
    this.ctx.em.persist(bijlage);
    return bijlage;
  }

  /** Checks everything, then changes the (not yet flushed) entity. */
  private async apply(bijlage: Bijlage, input: BijlageInput): Promise<void> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    const klantcontact = await this.ctx
      .service(KlantcontactService)
      .reference(input.wasBijlageVanKlantcontact, "wasBijlageVanKlantcontact", problems);
    problems.throwIfAny();
    if (klantcontact !== undefined) bijlage.wasBijlageVanKlantcontact = klantcontact;
    const identificator = toObjectidentificator(input.bijlageidentificator);
    if (identificator !== undefined) bijlage.bijlageidentificator = identificator;
  }
}
