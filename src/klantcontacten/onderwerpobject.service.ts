import type { FilterQuery } from "@mikro-orm/core";
import { NEWEST_FIRST, paginate, type Connection, type PageArgs } from "../common/connection";
import type { RequestContext } from "../common/context";
import { toObjectidentificator } from "../common/embeddables.input";
import { InvalidInputError, InvalidParams, path, type InvalidParam } from "../common/errors";
import { identificatorCondition, uuidFilter } from "../common/filters";
import { loadRelated } from "../common/loaders";
import { findByUuid, getByUuid, resolveReference } from "../common/references";
import { fieldErrors } from "../common/validation";
import { DigitaalAdres } from "../partijen/digitaal-adres.entity";
import { Betrokkene } from "./betrokkene.entity";
import { Klantcontact } from "./klantcontact.entity";
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

export class OnderwerpobjectService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<Onderwerpobject | null> {
    return findByUuid(this.ctx, Onderwerpobject, uuid);
  }

  list(filter: OnderwerpobjectFilter | null | undefined, page: PageArgs): Promise<Connection<Onderwerpobject>> {
    const where: FilterQuery<Onderwerpobject> = {};
    if (filter?.klantcontact != null) where.klantcontact = { uuid: uuidFilter(filter.klantcontact) };
    if (filter?.wasKlantcontact != null) where.wasKlantcontact = { uuid: uuidFilter(filter.wasKlantcontact) };
    const identificator = identificatorCondition(filter?.onderwerpobjectidentificator);
    if (identificator) (where as Record<string, unknown>).onderwerpobjectidentificator = identificator;
    return paginate(this.ctx.em, Onderwerpobject, where, NEWEST_FIRST, page);
  }

  klantcontact(onderwerpobject: Onderwerpobject): Promise<Klantcontact | null> {
    return loadRelated(this.ctx, Klantcontact, onderwerpobject.klantcontact);
  }

  wasKlantcontact(onderwerpobject: Onderwerpobject): Promise<Klantcontact | null> {
    return loadRelated(this.ctx, Klantcontact, onderwerpobject.wasKlantcontact);
  }

  async create(input: OnderwerpobjectInput): Promise<Onderwerpobject> {
    const references = await this.checked(input);
    return this.ctx.transaction(async () => {
      const onderwerpobject = this.build(input, references.klantcontact ?? null, references);
      await this.ctx.em.flush();
      return onderwerpobject;
    });
  }

  async update(uuid: string, input: OnderwerpobjectUpdateInput): Promise<Onderwerpobject> {
    const onderwerpobject = await getByUuid(this.ctx, Onderwerpobject, uuid);
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
    const onderwerpobject = await getByUuid(this.ctx, Onderwerpobject, uuid);
    const em = this.ctx.em;
    return this.ctx.transaction(async () => {
      const related = [
        ...new Set([onderwerpobject.klantcontact?.id, onderwerpobject.wasKlantcontact?.id].filter((id): id is number => id != null)),
      ];
      let behouden: Klantcontact[] = [];
      let weg: number[] = [];
      if (cascade && related.length) {
        const others = await em.find(Onderwerpobject, {
          id: { $ne: onderwerpobject.id },
          $or: [{ klantcontact: { $in: related } }, { wasKlantcontact: { $in: related } }],
        });
        const referenced = new Set(
          others.flatMap((other) => [other.klantcontact?.id, other.wasKlantcontact?.id]).filter((id) => id != null && related.includes(id)),
        );
        weg = related.filter((id) => !referenced.has(id));
        if (referenced.size) behouden = await em.find(Klantcontact, { id: { $in: [...referenced] as number[] } }, { orderBy: { id: "asc" } });
      }
      await em.nativeDelete(Onderwerpobject, { id: onderwerpobject.id });
      if (weg.length) {
        const betrokkenen = await em.find(Betrokkene, { hadKlantcontact: { $in: weg } }, { fields: ["id"] });
        if (betrokkenen.length) {
          await em.nativeDelete(DigitaalAdres, {
            verstrektDoorBetrokkene: { $in: betrokkenen.map((b) => b.id) },
            verstrektDoorPartij: null,
          });
        }
        await em.nativeDelete(Klantcontact, { id: { $in: weg } });
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
    const klantcontact =
      "klantcontact" in input
        ? await resolveReference(this.ctx, Klantcontact, input.klantcontact, path(prefix, "klantcontact"), problems)
        : undefined;
    const wasKlantcontact = await resolveReference(
      this.ctx,
      Klantcontact,
      input.wasKlantcontact,
      path(prefix, "wasKlantcontact"),
      problems,
    );
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
