import type { FilterQuery } from "@mikro-orm/core";
import DataLoader from "dataloader";
import { NEWEST_FIRST, paginate, paginatePerParent, type Connection, type PageArgs } from "../common/connection";
import type { RequestContext } from "../common/context";
import { volledigeNaam } from "../common/embeddables";
import { toAdres, toContactnaam } from "../common/embeddables.input";
import { InvalidInputError, InvalidParams, path, type InvalidParam } from "../common/errors";
import { identificatorCondition, subquery, uuidFilter } from "../common/filters";
import { loadRelated, loadRequiredRelated } from "../common/loaders";
import { findByUuid, getByUuid, resolveReference } from "../common/references";
import { fieldErrors } from "../common/validation";
import { DigitaalAdres } from "../partijen/digitaal-adres.entity";
import { PartijIdentificator } from "../partijen/partij-identificator.entity";
import { Partij } from "../partijen/partij.entity";
import { Betrokkene } from "./betrokkene.entity";
import type {
  BetrokkeneFilter,
  BetrokkeneInput,
  BetrokkeneUpdateInput,
  MaakKlantcontactBetrokkeneInput,
} from "./betrokkene.input";
import { Klantcontact } from "./klantcontact.entity";

type AnyBetrokkeneInput = BetrokkeneInput | BetrokkeneUpdateInput | MaakKlantcontactBetrokkeneInput;

/** The references of a checked input, resolved (undefined: not given). */
export interface BetrokkeneReferences {
  wasPartij: Partij | null | undefined;
  hadKlantcontact: Klantcontact | null | undefined;
}

export class BetrokkeneService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<Betrokkene | null> {
    return findByUuid(this.ctx, Betrokkene, uuid);
  }

  list(filter: BetrokkeneFilter | null | undefined, page: PageArgs): Promise<Connection<Betrokkene>> {
    const em = this.ctx.em;
    const conditions: Array<FilterQuery<Betrokkene>> = [];
    if (filter?.hadKlantcontact != null) conditions.push({ hadKlantcontact: { uuid: uuidFilter(filter.hadKlantcontact) } });
    if (filter?.wasPartij != null) conditions.push({ wasPartij: { uuid: uuidFilter(filter.wasPartij) } });
    const partijIdentificator = identificatorCondition(filter?.wasPartijIdentificator);
    if (partijIdentificator) {
      const partijen = subquery(em, PartijIdentificator, "identificeerdePartij", partijIdentificator as FilterQuery<PartijIdentificator>);
      conditions.push({ wasPartij: { $in: partijen } } as unknown as FilterQuery<Betrokkene>);
    }
    const naam: Record<string, string> = {};
    if (filter?.contactnaamVoorletters != null) naam.voorletters = filter.contactnaamVoorletters;
    if (filter?.contactnaamVoornaam != null) naam.voornaam = filter.contactnaamVoornaam;
    if (filter?.contactnaamVoorvoegselAchternaam != null) naam.voorvoegselAchternaam = filter.contactnaamVoorvoegselAchternaam;
    if (filter?.contactnaamAchternaam != null) naam.achternaam = filter.contactnaamAchternaam;
    if (Object.keys(naam).length) conditions.push({ contactnaam: naam } as unknown as FilterQuery<Betrokkene>);
    if (filter?.organisatienaam != null) conditions.push({ organisatienaam: filter.organisatienaam });
    if (filter?.verstrektDigitaalAdres != null) {
      const betrokkenen = subquery(em, DigitaalAdres, "verstrektDoorBetrokkene", {
        adres: filter.verstrektDigitaalAdres,
        verstrektDoorBetrokkene: { $ne: null },
      } as FilterQuery<DigitaalAdres>);
      conditions.push({ id: { $in: betrokkenen } } as unknown as FilterQuery<Betrokkene>);
    }
    const where = conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0] : { $and: conditions };
    return paginate(em, Betrokkene, where as FilterQuery<Betrokkene>, NEWEST_FIRST, page);
  }

  volledigeNaam(betrokkene: Betrokkene): string {
    return volledigeNaam(betrokkene.contactnaam);
  }

  wasPartij(betrokkene: Betrokkene): Promise<Partij | null> {
    return loadRelated(this.ctx, Partij, betrokkene.wasPartij);
  }

  async hadKlantcontact(betrokkene: Betrokkene): Promise<Klantcontact> {
    return loadRequiredRelated(this.ctx, Klantcontact, betrokkene.hadKlantcontact, betrokkene);
  }

  /**
   * Partij.betrokkenen: one page per partij, newest first, for all partijen of the request in one
   * statement. Partijen asked with different page arguments get a loader each.
   */
  vanPartij(partij: Partij, page: PageArgs): Promise<Connection<Betrokkene>> {
    const key = `Betrokkene:perPartij:${page.first ?? ""}:${page.after ?? ""}`;
    return this.ctx
      .loader(key, () =>
        new DataLoader<number, Connection<Betrokkene>>(async (partijIds) => {
          const pages = await paginatePerParent(this.ctx.em, Betrokkene, "wasPartij", partijIds, {}, NEWEST_FIRST, page);
          return partijIds.map((id) => pages.get(id)!);
        }),
      )
      .load(partij.id);
  }

  // Writes

  async create(input: BetrokkeneInput): Promise<Betrokkene> {
    const references = await this.checked(input);
    return this.ctx.transaction(async () => {
      const betrokkene = this.build(input, references.hadKlantcontact!, references);
      await this.ctx.em.flush();
      return betrokkene;
    });
  }

  async update(uuid: string, input: BetrokkeneUpdateInput): Promise<Betrokkene> {
    const betrokkene = await getByUuid(this.ctx, Betrokkene, uuid);
    const references = await this.checked(input);
    return this.ctx.transaction(async () => {
      this.apply(betrokkene, input, references);
      await this.ctx.em.flush();
      return betrokkene;
    });
  }

  /** The digitale adressen this betrokkene gave stay, without betrokkene (SET NULL in the database). */
  async delete(uuid: string): Promise<string> {
    const betrokkene = await getByUuid(this.ctx, Betrokkene, uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Betrokkene, { id: betrokkene.id }));
    return betrokkene.uuid;
  }

  /** The references of an input that passed every rule; otherwise the problems are thrown. */
  private async checked(input: BetrokkeneInput | BetrokkeneUpdateInput): Promise<BetrokkeneReferences> {
    const { problems, references } = await this.check(input);
    if (problems.length) throw new InvalidInputError(problems);
    return references;
  }

  /** Field rules and references under `prefix`; writes nothing. */
  async check(
    input: AnyBetrokkeneInput,
    prefix = "",
  ): Promise<{ problems: InvalidParam[]; references: BetrokkeneReferences }> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input, prefix));
    const wasPartij = await resolveReference(this.ctx, Partij, input.wasPartij, path(prefix, "wasPartij"), problems);
    const hadKlantcontact =
      "hadKlantcontact" in input
        ? await resolveReference(this.ctx, Klantcontact, input.hadKlantcontact, path(prefix, "hadKlantcontact"), problems)
        : undefined;
    return { problems: problems.params, references: { wasPartij, hadKlantcontact } };
  }

  /** A new betrokkene of `klantcontact` from a checked input, persisted but not flushed. */
  build(input: MaakKlantcontactBetrokkeneInput, klantcontact: Klantcontact, references: BetrokkeneReferences): Betrokkene {
    const betrokkene = new Betrokkene();
    betrokkene.hadKlantcontact = klantcontact;
    this.apply(betrokkene, input, references);
    this.ctx.em.persist(betrokkene);
    return betrokkene;
  }

  private apply(betrokkene: Betrokkene, input: AnyBetrokkeneInput, references: BetrokkeneReferences): void {
    if (references.wasPartij !== undefined) betrokkene.wasPartij = references.wasPartij;
    if (references.hadKlantcontact) betrokkene.hadKlantcontact = references.hadKlantcontact;
    const bezoekadres = toAdres(input.bezoekadres);
    if (bezoekadres !== undefined) betrokkene.bezoekadres = bezoekadres;
    const correspondentieadres = toAdres(input.correspondentieadres);
    if (correspondentieadres !== undefined) betrokkene.correspondentieadres = correspondentieadres;
    const contactnaam = toContactnaam(input.contactnaam);
    if (contactnaam !== undefined) betrokkene.contactnaam = contactnaam;
    if (input.organisatienaam !== undefined) betrokkene.organisatienaam = input.organisatienaam ?? "";
    if (input.rol != null) betrokkene.rol = input.rol;
    if (input.initiator != null) betrokkene.initiator = input.initiator;
  }
}
