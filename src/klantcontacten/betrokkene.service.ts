import { keyListFor } from "../database/plain-rows";
import type { SortedLinks } from "../common/connection";
import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import DataLoader from "dataloader";
import { AuditSoort } from "../audit/enums";
import { requireAreaScope, requireStaffScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import { NEWEST_FIRST, type Connection, type PageArgs } from "../common/connection";
import type { RequestContext } from "../common/context";
import { volledigeNaam } from "../common/embeddables";
import { toAdres, toContactnaam } from "../common/embeddables.input";
import { InvalidInputError, InvalidParams, path, type InvalidParam } from "../common/errors";
import { identificatorCondition, uuidFilter } from "../common/filters";
import { EntityGate, type GatePolicy } from "../common/gate";
import { fieldErrors } from "../common/validation";
import { DigitaalAdresService } from "../partijen/digitaal-adres.service";
import type { Partij } from "../partijen/partij.entity";
import { PartijService } from "../partijen/partij.service";
import { Betrokkene } from "./betrokkene.entity";
import type { BetrokkeneFilter, BetrokkeneInput, BetrokkeneUpdateInput, MaakKlantcontactBetrokkeneInput } from "./betrokkene.input";
import type { Klantcontact } from "./klantcontact.entity";
import { KlantcontactService } from "./klantcontact.service";

type AnyBetrokkeneInput = BetrokkeneInput | BetrokkeneUpdateInput | MaakKlantcontactBetrokkeneInput;

/** The references of a checked input, resolved (undefined: not given). */
export interface BetrokkeneReferences {
  wasPartij: Partij | null | undefined;
  hadKlantcontact: Klantcontact | null | undefined;
}

/**
 * Betrokkenen and their read gate: a betrokkene is visible when its klantcontact is (which hides
 * the betrokkenen of vertrouwelijke klantcontacten and of those with a geheimhouding partij); a
 * citizen-bound principal sees only its own betrokkene rows (those of its own partij).
 */
export class BetrokkeneService {
  private readonly gate: EntityGate<Betrokkene>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate(ctx, Betrokkene, this.policy());
  }

  private policy(): GatePolicy<Betrokkene> {
    return {
      visible: () => {
        const conditions: Array<FilterQuery<Betrokkene>> = [];
        const klantcontacten = this.ctx.service(KlantcontactService).visibleIds();
        if (klantcontacten) conditions.push({ hadKlantcontact: { $in: klantcontacten } } as unknown as FilterQuery<Betrokkene>);
        if (isBurger(this.ctx.principal)) {
          conditions.push({ wasPartij: { $in: this.ctx.service(PartijService).visibleIds() } } as unknown as FilterQuery<Betrokkene>);
        }
        if (conditions.length === 0) return undefined;
        return conditions.length === 1 ? conditions[0] : { $and: conditions };
      },
      // The data subject of a betrokkene is its partij (by id: resolved at flush, in one statement).
      onRead: (rows) => {
        for (const row of rows) if (row.wasPartij) this.ctx.audit.record({ partijId: row.wasPartij.id }, AuditSoort.LEZEN);
      },
    };
  }

  private mayRead(): void {
    requireAreaScope(this.ctx, "klantcontacten", "lezen");
  }

  byUuid(uuid: string): Promise<Betrokkene | null> {
    this.mayRead();
    return this.gate.byUuid(uuid);
  }

  /** The betrokkene a (nullable) relation points at (DigitaalAdres.verstrektDoorBetrokkene). */
  related(ref: { id: number } | null | undefined): Promise<Betrokkene | null> {
    this.mayRead();
    return this.gate.related(ref);
  }

  /** A betrokkene named in an input: checked by visibility; an invisible one "does not exist". */
  reference(uuid: string | null | undefined, field: string, problems: InvalidParams): Promise<Betrokkene | null | undefined> {
    return this.gate.reference(uuid, field, problems);
  }

  /**
   * `select id from betrokkene where <visible>` for the policy of what hangs under a betrokkene
   * (its digitale adressen); undefined when this request sees every betrokkene.
   */
  visibleIds(): Knex.QueryBuilder | undefined {
    return this.policy().visible() === undefined ? undefined : this.gate.subquery("id", {});
  }

  /** `select <property> from betrokkene where <where> and <visible>`, for another entity's filter. */
  subquery(property: keyof Betrokkene & string, where: FilterQuery<Betrokkene>): Knex.QueryBuilder {
    return this.gate.subquery(property, where);
  }

  /**
   * For the klantcontact policy (which the betrokkene policy is built on, so not through this
   * gate): ids of the klantcontacten in which one of these partijen was betrokkene.
   */
  klantcontactIdsVanPartijen(partijIds: Knex.QueryBuilder): Knex.QueryBuilder {
    return this.ctx.em.getKnex().from("betrokkene").select("had_klantcontact_id").whereIn("was_partij_id", partijIds);
  }

  /** For the klantcontact policy: ids of the klantcontacten in which a partij NOT among these was betrokkene. */
  klantcontactIdsMetPartijBuiten(partijIds: Knex.QueryBuilder): Knex.QueryBuilder {
    return this.ctx.em
      .getKnex()
      .from("betrokkene")
      .select("had_klantcontact_id")
      .whereNotNull("was_partij_id")
      .whereNotIn("was_partij_id", partijIds);
  }

  /**
   * (row_id: klantcontact id, page_key: partij id) for every betrokkene of these partijen: the
   * links of Partij.interneTaken (the klantcontacten themselves are read through their own gate;
   * Partij.klantcontacten uses the ordered links of `klantcontactenInVolgorde`).
   */
  klantcontactLinksPerPartij(partijIds: readonly number[]): Knex.QueryBuilder {
    const keyList = keyListFor(this.ctx.em.getPlatform());
    return this.ctx.em
      .getKnex()
      .from({ b: "betrokkene" })
      .distinct({ row_id: "b.had_klantcontact_id", page_key: "b.was_partij_id" })
      .whereRaw(keyList.sql("b.was_partij_id", "integer"), [keyList.binding(partijIds)]);
  }

  /**
   * Partij.klantcontacten's links: the betrokkenen of a partij in the order of their klantcontact
   * (newest plaatsgevondenOp first), which the table holds as a copy kept by triggers (migration
   * 20261201140000) under the index (was_partij_id, klantcontact_plaatsgevonden_op, had_klantcontact_id).
   */
  klantcontactenInVolgorde({ alleenAlsInitiator = false } = {}): SortedLinks {
    return {
      table: "betrokkene",
      key: "was_partij_id",
      row: "had_klantcontact_id",
      sortColumns: { plaatsgevondenOp: "klantcontact_plaatsgevonden_op", id: "had_klantcontact_id" },
      condition: alleenAlsInitiator ? "l.initiator = true" : undefined,
    };
  }

  /** For writes that clean up after deleted klantcontacten: `select id from betrokkene` of those klantcontacten, visible or not. */
  idsVanKlantcontacten(klantcontactIds: readonly number[]): Knex.QueryBuilder {
    return this.ctx.em
      .getKnex()
      .from("betrokkene")
      .select("id")
      .whereIn("had_klantcontact_id", [...klantcontactIds]);
  }

  list(filter: BetrokkeneFilter | null | undefined, page: PageArgs): Promise<Connection<Betrokkene>> {
    this.mayRead();
    const partijen = this.ctx.service(PartijService);
    const conditions: Array<FilterQuery<Betrokkene>> = [];
    if (filter?.hadKlantcontact != null) {
      conditions.push({
        hadKlantcontact: { $in: this.ctx.service(KlantcontactService).idsWhere({ uuid: uuidFilter(filter.hadKlantcontact) }) },
      } as unknown as FilterQuery<Betrokkene>);
    }
    // A visible betrokkene's partij is visible (the policies are consistent), so its uuid may be compared.
    if (filter?.wasPartij != null) conditions.push({ wasPartij: { uuid: uuidFilter(filter.wasPartij) } });
    const partijIdentificator = identificatorCondition(filter?.wasPartijIdentificator);
    if (partijIdentificator) {
      // Refused (FORBIDDEN) when it names an objectId and the request may not see identificator values.
      conditions.push({ wasPartij: { $in: partijen.identificatorPartijIds(partijIdentificator) } } as unknown as FilterQuery<Betrokkene>);
    }
    const naam: Record<string, string> = {};
    if (filter?.contactnaamVoorletters != null) naam.voorletters = filter.contactnaamVoorletters;
    if (filter?.contactnaamVoornaam != null) naam.voornaam = filter.contactnaamVoornaam;
    if (filter?.contactnaamVoorvoegselAchternaam != null) naam.voorvoegselAchternaam = filter.contactnaamVoorvoegselAchternaam;
    if (filter?.contactnaamAchternaam != null) naam.achternaam = filter.contactnaamAchternaam;
    if (Object.keys(naam).length) conditions.push({ contactnaam: naam } as unknown as FilterQuery<Betrokkene>);
    if (filter?.organisatienaam != null) conditions.push({ organisatienaam: filter.organisatienaam });
    if (filter?.verstrektDigitaalAdres != null) {
      const adressen = this.ctx.service(DigitaalAdresService);
      const betrokkenen = adressen.adresBetrokkeneIds(adressen.adresCondition({ adres: filter.verstrektDigitaalAdres }));
      conditions.push({ id: { $in: betrokkenen } } as unknown as FilterQuery<Betrokkene>);
    }
    const where = conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0] : { $and: conditions };
    return this.gate.page(where as FilterQuery<Betrokkene>, NEWEST_FIRST, page);
  }

  volledigeNaam(betrokkene: Betrokkene): string {
    return volledigeNaam(betrokkene.contactnaam);
  }

  wasPartij(betrokkene: Betrokkene): Promise<Partij | null> {
    return this.ctx.service(PartijService).related(betrokkene.wasPartij);
  }

  hadKlantcontact(betrokkene: Betrokkene): Promise<Klantcontact> {
    return this.ctx.service(KlantcontactService).required(betrokkene.hadKlantcontact, betrokkene);
  }

  /** Klantcontact.hadBetrokkenen, batched over all klantcontacten of the request. */
  vanKlantcontact(klantcontact: Klantcontact): Promise<Betrokkene[]> {
    this.mayRead();
    return this.gate.children("hadKlantcontact", klantcontact.id);
  }

  /**
   * Partij.betrokkenen: one page per partij, newest first, for all partijen of the request in one
   * statement. Partijen asked with different page arguments get a loader each.
   */
  vanPartij(partij: Partij, page: PageArgs): Promise<Connection<Betrokkene>> {
    this.mayRead();
    const key = `Betrokkene:perPartij:${page.first ?? ""}:${page.after ?? ""}`;
    return this.ctx
      .loader(
        key,
        () =>
          new DataLoader<number, Connection<Betrokkene>>(async (partijIds) => {
            const pages = await this.gate.pagesPerParent("wasPartij", partijIds, {}, NEWEST_FIRST, page);
            return partijIds.map((id) => pages.get(id)!);
          }),
      )
      .load(partij.id);
  }

  // Writes

  async create(input: BetrokkeneInput): Promise<Betrokkene> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const references = await this.checked(input);
    return this.ctx.transaction(async () => {
      const betrokkene = this.build(input, references.hadKlantcontact!, references);
      await this.ctx.em.flush();
      return betrokkene;
    });
  }

  async update(uuid: string, input: BetrokkeneUpdateInput): Promise<Betrokkene> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const betrokkene = await this.gate.get(uuid);
    const references = await this.checked(input);
    return this.ctx.transaction(async () => {
      this.apply(betrokkene, input, references);
      await this.ctx.em.flush();
      return betrokkene;
    });
  }

  /** The digitale adressen this betrokkene gave stay, without betrokkene (SET NULL in the database). */
  async delete(uuid: string): Promise<string> {
    requireStaffScope(this.ctx, "klantcontacten", "verwijderen");
    const betrokkene = await this.gate.get(uuid);
    if (betrokkene.wasPartij) this.ctx.audit.record({ partijId: betrokkene.wasPartij.id }, AuditSoort.VERWIJDEREN);
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
  async check(input: AnyBetrokkeneInput, prefix = ""): Promise<{ problems: InvalidParam[]; references: BetrokkeneReferences }> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input, prefix));
    const wasPartij = await this.ctx.service(PartijService).reference(input.wasPartij, path(prefix, "wasPartij"), problems);
    const hadKlantcontact =
      "hadKlantcontact" in input
        ? await this.ctx.service(KlantcontactService).reference(input.hadKlantcontact, path(prefix, "hadKlantcontact"), problems)
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
    if (betrokkene.wasPartij) this.ctx.audit.record({ partijId: betrokkene.wasPartij.id }, AuditSoort.SCHRIJVEN);
  }

  /** The partijen (storage ids) that were betrokkene of this klantcontact, visible or not: a delete reports them before they are gone. */
  async partijIdsVan(klantcontact: Klantcontact): Promise<number[]> {
    const rows: Array<{ was_partij_id: number }> = await this.ctx.em.execute(
      this.ctx.em
        .getKnex()
        .from("betrokkene")
        .distinct("was_partij_id")
        .where("had_klantcontact_id", klantcontact.id)
        .whereNotNull("was_partij_id"),
    );
    return rows.map((row) => row.was_partij_id);
  }
}
