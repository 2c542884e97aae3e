import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { requireAreaScope, requireStaffScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import { NEWEST_FIRST, type Connection, type PageArgs } from "../common/connection";
import type { RequestContext } from "../common/context";
import { toObjectidentificator } from "../common/embeddables.input";
import { InvalidInputError, InvalidParams, path, type InvalidParam } from "../common/errors";
import { identificatorCondition, uuidFilter } from "../common/filters";
import { EntityGate, type GatePolicy } from "../common/gate";
import { fieldErrors } from "../common/validation";
import type { Zaak } from "../federation/zaak.type";
import { DigitaalAdres } from "../partijen/digitaal-adres.entity";
import { BetrokkeneService } from "./betrokkene.service";
import type { Klantcontact } from "./klantcontact.entity";
import { KlantcontactService } from "./klantcontact.service";
import { Onderwerpobject } from "./onderwerpobject.entity";
import type {
  DeleteOnderwerpobjectResult,
  MaakKlantcontactOnderwerpobjectInput,
  OnderwerpobjectFilter,
  OnderwerpobjectInput,
  OnderwerpobjectUpdateInput,
} from "./onderwerpobject.input";

export interface OnderwerpobjectReferences {
  klantcontact: Klantcontact | null | undefined;
  wasKlantcontact: Klantcontact | null | undefined;
}

/**
 * Onderwerpobjecten and their read gate: an onderwerpobject is visible when the klantcontacten it
 * links are (a citizen-bound principal sees only the zaak links of its own klantcontacten).
 */
export class OnderwerpobjectService {
  private readonly gate: EntityGate<Onderwerpobject>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate(ctx, Onderwerpobject, this.policy());
  }

  private policy(): GatePolicy<Onderwerpobject> {
    return {
      visible: () => {
        const klantcontacten = () => this.ctx.service(KlantcontactService).visibleIds();
        if (!klantcontacten()) return undefined;
        const visibleOrNone = (property: "klantcontact" | "wasKlantcontact") =>
          ({ $or: [{ [property]: null }, { [property]: { $in: klantcontacten() } }] }) as unknown as FilterQuery<Onderwerpobject>;
        const klantcontact = isBurger(this.ctx.principal)
          ? ({ klantcontact: { $in: klantcontacten() } } as unknown as FilterQuery<Onderwerpobject>)
          : visibleOrNone("klantcontact");
        return { $and: [klantcontact, visibleOrNone("wasKlantcontact")] };
      },
    };
  }

  private mayRead(): void {
    requireAreaScope(this.ctx, "klantcontacten", "lezen");
  }

  byUuid(uuid: string): Promise<Onderwerpobject | null> {
    this.mayRead();
    return this.gate.byUuid(uuid);
  }

  list(filter: OnderwerpobjectFilter | null | undefined, page: PageArgs): Promise<Connection<Onderwerpobject>> {
    this.mayRead();
    const klantcontacten = this.ctx.service(KlantcontactService);
    const where: FilterQuery<Onderwerpobject> = {};
    if (filter?.klantcontact != null) {
      Object.assign(where, { klantcontact: { $in: klantcontacten.idsWhere({ uuid: uuidFilter(filter.klantcontact) }) } });
    }
    if (filter?.wasKlantcontact != null) {
      Object.assign(where, { wasKlantcontact: { $in: klantcontacten.idsWhere({ uuid: uuidFilter(filter.wasKlantcontact) }) } });
    }
    const identificator = identificatorCondition(filter?.onderwerpobjectidentificator);
    if (identificator) (where as Record<string, unknown>).onderwerpobjectidentificator = identificator;
    return this.gate.page(where, NEWEST_FIRST, page);
  }

  /** `select <property> from onderwerpobject where <where> and <visible>`, for another entity's filter. */
  subquery(property: keyof Onderwerpobject & string, where: FilterQuery<Onderwerpobject>): Knex.QueryBuilder {
    return this.gate.subquery(property, where);
  }

  /**
   * For the klantcontact policy (which this policy is built on, so not through this gate): ids of
   * the klantcontacten that are about one of these klantcontacten (their answers).
   */
  klantcontactIdsOver(klantcontactIds: Knex.QueryBuilder): Knex.QueryBuilder {
    return this.ctx.em
      .getKnex()
      .from("onderwerpobject")
      .select("klantcontact_id")
      .whereNotNull("klantcontact_id")
      .whereIn("was_klantcontact_id", klantcontactIds);
  }

  klantcontact(onderwerpobject: Onderwerpobject): Promise<Klantcontact | null> {
    return this.ctx.service(KlantcontactService).related(onderwerpobject.klantcontact);
  }

  wasKlantcontact(onderwerpobject: Onderwerpobject): Promise<Klantcontact | null> {
    return this.ctx.service(KlantcontactService).related(onderwerpobject.wasKlantcontact);
  }

  /** Klantcontact.gingOverOnderwerpobjecten, batched over all klantcontacten of the request. */
  vanKlantcontact(klantcontact: Klantcontact): Promise<Onderwerpobject[]> {
    this.mayRead();
    return this.gate.children("klantcontact", klantcontact.id);
  }

  /** Klantcontact.wasOnderwerpobjecten, batched over all klantcontacten of the request. */
  metWasKlantcontact(klantcontact: Klantcontact): Promise<Onderwerpobject[]> {
    this.mayRead();
    return this.gate.children("wasKlantcontact", klantcontact.id);
  }

  /**
   * (row_id: klantcontact id, page_key: zaak uuid) for every link to one of these zaken, each pair
   * once (see ZaakService for the two conventions). A klantcontact counts for every zaak it names,
   * also when two zaken (of two bronorganisaties) share an identificatie, so that a zaak's page does
   * not depend on the other zaken asked with it. The klantcontacten are then read through their gate.
   */
  zaakLinks(zaken: readonly Zaak[]): Knex.QueryBuilder {
    const knex = this.ctx.em.getKnex();
    const uuids = zaken.map((z) => z.uuid);
    const byUuid = knex
      .from({ o: "onderwerpobject" })
      .distinct({ row_id: "o.klantcontact_id" }, knex.raw("lower(o.onderwerpobjectidentificator_object_id) as page_key"))
      .whereNotNull("o.klantcontact_id")
      .whereIn("o.onderwerpobjectidentificator_object_id", [...uuids, ...uuids.map((u) => u.toUpperCase())])
      .whereRaw("lower(o.onderwerpobjectidentificator_code_soort_object_id) = 'uuid'");

    const withIdentificatie = zaken.filter((z) => z.identificatie);
    if (!withIdentificatie.length) return byUuid;
    // The zaken as a small table (identificatie, zaak_uuid) to join on; cast, so that PostgreSQL
    // knows the parameters' type.
    const identificaties = knex.raw(
      `(${withIdentificatie.map(() => "select cast(? as text) as identificatie, cast(? as text) as zaak_uuid").join(" union all ")}) as z`,
      withIdentificatie.flatMap((z) => [z.identificatie!, z.uuid]),
    );
    const byIdentificatie = knex
      .from({ o: "onderwerpobject" })
      .join(identificaties, "z.identificatie", "o.onderwerpobjectidentificator_object_id")
      .select({ row_id: "o.klantcontact_id", page_key: "z.zaak_uuid" })
      .whereNotNull("o.klantcontact_id");
    // union (not union all) drops the pairs both conventions found.
    return byUuid.union(byIdentificatie);
  }

  async create(input: OnderwerpobjectInput): Promise<Onderwerpobject> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const references = await this.checked(input);
    return this.ctx.transaction(async () => {
      const onderwerpobject = this.build(input, references.klantcontact ?? null, references);
      await this.ctx.em.flush();
      return onderwerpobject;
    });
  }

  async update(uuid: string, input: OnderwerpobjectUpdateInput): Promise<Onderwerpobject> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const onderwerpobject = await this.gate.get(uuid);
    const references = await this.checked(input);
    return this.ctx.transaction(async () => {
      this.apply(onderwerpobject, input, references);
      await this.ctx.em.flush();
      return onderwerpobject;
    });
  }

  /**
   * Without cascade only the onderwerpobject goes. With cascade its klantcontact and
   * wasKlantcontact go too, unless another onderwerpobject still refers to them (those are kept and
   * reported as `behouden`); a deleted klantcontact takes its betrokkenen with it (database
   * cascade), and the digitale adressen those betrokkenen gave that belong to no partij.
   */
  async delete(uuid: string, cascade: boolean): Promise<DeleteOnderwerpobjectResult> {
    requireStaffScope(this.ctx, "klantcontacten", "verwijderen");
    const onderwerpobject = await this.gate.get(uuid);
    const em = this.ctx.em;
    return this.ctx.transaction(async () => {
      const related = [
        ...new Set([onderwerpobject.klantcontact?.id, onderwerpobject.wasKlantcontact?.id].filter((id): id is number => id != null)),
      ];
      let behouden: Klantcontact[] = [];
      let weg: number[] = [];
      if (cascade && related.length) {
        // Every other onderwerpobject counts, visible or not: one this request cannot see still keeps its klantcontact.
        const others = await em.find(Onderwerpobject, {
          id: { $ne: onderwerpobject.id },
          $or: [{ klantcontact: { $in: related } }, { wasKlantcontact: { $in: related } }],
        });
        const referenced = new Set(
          others.flatMap((other) => [other.klantcontact?.id, other.wasKlantcontact?.id]).filter((id) => id != null && related.includes(id)),
        );
        weg = related.filter((id) => !referenced.has(id));
        if (referenced.size) {
          const klantcontacten = this.ctx.service(KlantcontactService);
          const kept = await Promise.all([...referenced].sort((a, b) => a! - b!).map((id) => klantcontacten.byId(id!)));
          behouden = kept.filter((row): row is Klantcontact => row !== null);
        }
      }
      await em.nativeDelete(Onderwerpobject, { id: onderwerpobject.id });
      if (weg.length) {
        await em.nativeDelete(DigitaalAdres, {
          verstrektDoorBetrokkene: { $in: this.ctx.service(BetrokkeneService).idsVanKlantcontacten(weg) },
          verstrektDoorPartij: null,
        } as never);
        await this.ctx.service(KlantcontactService).deleteIds(weg);
      }
      return { uuid: onderwerpobject.uuid, behouden };
    });
  }

  /** The references of an input that passed every rule; otherwise the problems are thrown. */
  private async checked(input: OnderwerpobjectInput | OnderwerpobjectUpdateInput): Promise<OnderwerpobjectReferences> {
    const { problems, references } = await this.check(input);
    if (problems.length) throw new InvalidInputError(problems);
    return references;
  }

  /** Field rules and references under `prefix`; writes nothing. */
  async check(
    input: OnderwerpobjectInput | MaakKlantcontactOnderwerpobjectInput,
    prefix = "",
  ): Promise<{ problems: InvalidParam[]; references: OnderwerpobjectReferences }> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input, prefix));
    const klantcontacten = this.ctx.service(KlantcontactService);
    const klantcontact =
      "klantcontact" in input ? await klantcontacten.reference(input.klantcontact, path(prefix, "klantcontact"), problems) : undefined;
    const wasKlantcontact = await klantcontacten.reference(input.wasKlantcontact, path(prefix, "wasKlantcontact"), problems);
    return { problems: problems.params, references: { klantcontact, wasKlantcontact } };
  }

  /** A new onderwerpobject from a checked input, persisted but not flushed. */
  build(
    input: MaakKlantcontactOnderwerpobjectInput,
    klantcontact: Klantcontact | null,
    references: OnderwerpobjectReferences,
  ): Onderwerpobject {
    const onderwerpobject = new Onderwerpobject();
    onderwerpobject.klantcontact = klantcontact;
    this.apply(onderwerpobject, input, { ...references, klantcontact: undefined });
    this.ctx.em.persist(onderwerpobject);
    return onderwerpobject;
  }

  private apply(
    onderwerpobject: Onderwerpobject,
    input: MaakKlantcontactOnderwerpobjectInput,
    references: OnderwerpobjectReferences,
  ): void {
    if (references.klantcontact !== undefined) onderwerpobject.klantcontact = references.klantcontact;
    if (references.wasKlantcontact !== undefined) onderwerpobject.wasKlantcontact = references.wasKlantcontact;
    const identificator = toObjectidentificator(input.onderwerpobjectidentificator);
    if (identificator !== undefined) onderwerpobject.onderwerpobjectidentificator = identificator;
  }
}
