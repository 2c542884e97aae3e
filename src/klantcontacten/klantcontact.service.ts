import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { isURL } from "class-validator";
import DataLoader from "dataloader";
import { AuditSoort } from "../audit/enums";
import { requireAreaScope, requireStaffScope } from "../auth/access";
import { hasScope, isBurger } from "../auth/principal";
import type { Connection, PageArgs, SortKey } from "../common/connection";
import type { RequestContext } from "../common/context";
import { InvalidInputError, InvalidParams, path, type InvalidParam } from "../common/errors";
import { identificatorCondition, TextFilters, uuidFilter } from "../common/filters";
import { EntityGate, type GatePolicy } from "../common/gate";
import { checkUniqueFields } from "../common/unique";
import { characterCount, fieldErrors } from "../common/validation";
import type { Actor } from "../opvolging/actor.entity";
import { ActorService } from "../opvolging/actor.service";
import { InterneTaakService } from "../opvolging/interne-taak.service";
import { DigitaalAdresService } from "../partijen/digitaal-adres.service";
import type { Partij } from "../partijen/partij.entity";
import { PartijService } from "../partijen/partij.service";
import type { Betrokkene } from "./betrokkene.entity";
import { BetrokkeneService } from "./betrokkene.service";
import type { Bijlage } from "./bijlage.entity";
import { BijlageService } from "./bijlage.service";
import { Klantcontact } from "./klantcontact.entity";
import type { KlantcontactFilter, KlantcontactInput, KlantcontactUpdateInput } from "./klantcontact.input";
import type { Onderwerpobject } from "./onderwerpobject.entity";
import { OnderwerpobjectService } from "./onderwerpobject.service";

/** Klantcontacten are listed as Open Klant does: latest plaatsgevondenOp first, then newest id. */
export const KLANTCONTACT_ORDER: SortKey[] = [{ property: "plaatsgevondenOp", direction: "desc" }];

const GEEN_VERDERE_ACTIE = "Als het contact gelukt is kan er geen verdere actie zijn ondernomen";
const METADATA_MAX = 255;

/**
 * Klantcontacten and their read gate. Which klantcontacten a request sees (ARCHITECTURE.md, issue 7):
 * - without vertrouwelijk.lezen none with vertrouwelijk = true;
 * - without geheimhouding.lezen none in which a partij was betrokkene that the request may not
 *   see (a partij with indicatieGeheimhouding);
 * - a citizen-bound principal only those in which its own partij was betrokkene, and their answers
 *   (the klantcontacten with an onderwerpobject whose wasKlantcontact is one of those).
 * Betrokkenen, onderwerpobjecten, bijlagen, actorklantcontacten and interne taken follow their
 * klantcontact, so that a hidden klantcontact is hidden on every path.
 */
export class KlantcontactService {
  private readonly gate: EntityGate<Klantcontact>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate(ctx, Klantcontact, this.policy());
  }

  private condition: FilterQuery<Klantcontact> | undefined | null = null;

  /** The policy's condition for this request, made once; undefined when every klantcontact is visible. */
  private visible(): FilterQuery<Klantcontact> | undefined {
    if (this.condition === null) this.condition = this.visibility();
    return this.condition;
  }

  private visibility(): FilterQuery<Klantcontact> | undefined {
    const principal = this.ctx.principal;
    const conditions: Array<FilterQuery<Klantcontact>> = [];
    if (!hasScope(principal, "vertrouwelijk.lezen")) conditions.push({ vertrouwelijk: false });
    const betrokkenen = this.ctx.service(BetrokkeneService);
    const partijen = this.ctx.service(PartijService);
    // The link tables are read directly here (ids only), not through the other entity's gate,
    // whose policy is built on this one.
    if (isBurger(principal)) {
      const eigen = () => betrokkenen.klantcontactIdsVanPartijen(partijen.visibleIds());
      const antwoorden = this.ctx.service(OnderwerpobjectService).klantcontactIdsOver(eigen());
      conditions.push({ $or: [{ id: { $in: eigen() } }, { id: { $in: antwoorden } }] } as unknown as FilterQuery<Klantcontact>);
    } else if (!hasScope(principal, "geheimhouding.lezen")) {
      conditions.push({
        id: { $nin: betrokkenen.klantcontactIdsMetPartijBuiten(partijen.visibleIds()) },
      } as unknown as FilterQuery<Klantcontact>);
    }
    if (conditions.length === 0) return undefined;
    return conditions.length === 1 ? conditions[0] : { $and: conditions };
  }

  private policy(): GatePolicy<Klantcontact> {
    return {
      visible: () => this.visible(),
      // The data subjects of a klantcontact are the partijen of its betrokkenen: found at flush, in one statement.
      onRead: (rows) => {
        for (const row of rows) this.ctx.audit.record({ klantcontactId: row.id }, AuditSoort.LEZEN);
      },
    };
  }

  private mayRead(): void {
    requireAreaScope(this.ctx, "klantcontacten", "lezen");
  }

  // Reads of klantcontacten, for this module and the others

  byUuid(uuid: string): Promise<Klantcontact | null> {
    this.mayRead();
    return this.gate.byUuid(uuid);
  }

  byId(id: number): Promise<Klantcontact | null> {
    this.mayRead();
    return this.gate.byId(id);
  }

  /** The klantcontact a (nullable) relation points at; null when empty or not visible. */
  related(ref: { id: number } | null | undefined): Promise<Klantcontact | null> {
    this.mayRead();
    return this.gate.related(ref);
  }

  /** The klantcontact a required relation points at (visible whenever its owner is). */
  required(ref: { id: number }, owner: Parameters<EntityGate<Klantcontact>["required"]>[1]): Promise<Klantcontact> {
    this.mayRead();
    return this.gate.required(ref, owner);
  }

  /**
   * A klantcontact named in an input: checked by visibility, not by read scope (a client that may
   * only write still names the klantcontact it writes for); an invisible one "does not exist".
   */
  reference(uuid: string | null | undefined, field: string, problems: InvalidParams): Promise<Klantcontact | null | undefined> {
    return this.gate.reference(uuid, field, problems);
  }

  /**
   * `select id from klantcontact where <visible>`, for the policies of the rows that hang under a
   * klantcontact; undefined when every klantcontact is visible (their policies then add nothing).
   */
  visibleIds(): Knex.QueryBuilder | undefined {
    return this.visible() === undefined ? undefined : this.gate.subquery("id", {});
  }

  /** Ids of the visible klantcontacten that match `where`, for another entity's filter. */
  idsWhere(where: FilterQuery<Klantcontact>): Knex.QueryBuilder {
    return this.gate.subquery("id", where);
  }

  list(filter: KlantcontactFilter | null | undefined, page: PageArgs): Promise<Connection<Klantcontact>> {
    this.mayRead();
    return this.gate.page(this.where(filter), KLANTCONTACT_ORDER, page);
  }

  /**
   * The klantcontacten in which a partij was a betrokkene, newest first: one page per partij for
   * all partijen in the request, in one SQL statement (the contactmomenten tab of a klantbeeld).
   */
  vanPartij(partij: Partij, filter: KlantcontactFilter | null | undefined, page: PageArgs): Promise<Connection<Klantcontact>> {
    this.mayRead();
    const where = this.where(filter, { perPartij: true });
    const key = `Klantcontact:perPartij:${JSON.stringify([filter ?? null, page.first ?? null, page.after ?? null])}`;
    const loader = this.ctx.loader(
      key,
      () =>
        new DataLoader<number, Connection<Klantcontact>>(async (partijIds) => {
          // alleenAlsInitiator is a property of the link (this partij's betrokkene), not of the klantcontact.
          const links = this.ctx
            .service(BetrokkeneService)
            .klantcontactenInVolgorde({ alleenAlsInitiator: filter?.alleenAlsInitiator === true });
          const pages = await this.gate.pagesPerSortedLink(links, partijIds, where, KLANTCONTACT_ORDER, page);
          return partijIds.map((id) => pages.get(id)!);
        }),
    );
    return loader.load(partij.id);
  }

  /** One page per key through (row_id, page_key) links (Zaak.klantcontacten): one statement. */
  pagesPerKey(links: Knex.QueryBuilder, keys: readonly string[], where: FilterQuery<Klantcontact>, page: PageArgs) {
    this.mayRead();
    return this.gate.pagesPerKey(links, "text", keys, where, KLANTCONTACT_ORDER, page);
  }

  /**
   * The condition of a filter. `perPartij`: the list of one partij (Partij.klantcontacten), where
   * alleenAlsInitiator also speaks of that partij (its links apply it).
   */
  private where(filter: KlantcontactFilter | null | undefined, { perPartij = false } = {}): FilterQuery<Klantcontact> {
    if (!filter) return {};
    const em = this.ctx.em;
    const text = new TextFilters(em, Klantcontact);
    const betrokkenen = this.ctx.service(BetrokkeneService);
    const onderwerpobjecten = this.ctx.service(OnderwerpobjectService);
    const conditions: Array<FilterQuery<Klantcontact>> = [];
    const idIn = (query: unknown) => conditions.push({ id: { $in: query } } as FilterQuery<Klantcontact>);
    const idNotIn = (query: unknown) => conditions.push({ id: { $nin: query } } as FilterQuery<Klantcontact>);
    // Relation filters go through the related entity's gate: they match only through rows this request may see.
    const viaBetrokkene = (where: FilterQuery<Betrokkene>) => idIn(betrokkenen.subquery("hadKlantcontact", where));

    if (filter.nummer != null) conditions.push({ nummer: filter.nummer });
    if (filter.referentienummer != null) conditions.push({ referentienummer: filter.referentienummer });
    if (filter.kanaal != null) conditions.push({ kanaal: filter.kanaal });
    if (filter.onderwerp != null) conditions.push(text.icontains("onderwerp", filter.onderwerp));
    if (filter.inhoud != null) conditions.push(text.icontains("inhoud", filter.inhoud));
    if (filter.reactie != null) conditions.push(text.icontains("reactie", filter.reactie));
    if (filter.indicatieContactGelukt != null) conditions.push({ indicatieContactGelukt: filter.indicatieContactGelukt });
    if (filter.vertrouwelijk != null) conditions.push({ vertrouwelijk: filter.vertrouwelijk });
    if (filter.plaatsgevondenOp != null) conditions.push({ plaatsgevondenOp: filter.plaatsgevondenOp });
    if (filter.plaatsgevondenVanaf != null) conditions.push({ plaatsgevondenOp: { $gte: filter.plaatsgevondenVanaf } });
    if (filter.plaatsgevondenTot != null) conditions.push({ plaatsgevondenOp: { $lt: filter.plaatsgevondenTot } });

    if (filter.hadBetrokkene != null) viaBetrokkene({ uuid: uuidFilter(filter.hadBetrokkene) });
    if (filter.betrokkeneHeeftPartij != null) {
      viaBetrokkene({ wasPartij: filter.betrokkeneHeeftPartij ? { $ne: null } : null });
    }
    // The partij filters speak of one betrokkene: with alleenAlsInitiator, the initiating one.
    const partijBetrokkene = filter.alleenAlsInitiator ? { initiator: true } : {};
    const partijIdentificator = identificatorCondition(filter.wasPartijIdentificator);
    if (filter.alleenAlsInitiator && !perPartij && filter.wasPartij == null && !partijIdentificator) {
      throw InvalidInputError.of(
        "filter.alleenAlsInitiator",
        "invalid",
        "alleenAlsInitiator zegt iets over een partij: gebruik het samen met wasPartij of wasPartijIdentificator, of in Partij.klantcontacten.",
      );
    }
    // A visible betrokkene's partij is visible (the policies are consistent), so its uuid may be compared.
    if (filter.wasPartij != null) viaBetrokkene({ ...partijBetrokkene, wasPartij: { uuid: uuidFilter(filter.wasPartij) } });
    if (partijIdentificator) {
      // Refused (FORBIDDEN) when it names an objectId and the request may not see identificator values.
      const partijen = this.ctx.service(PartijService).identificatorPartijIds(partijIdentificator);
      viaBetrokkene({ ...partijBetrokkene, wasPartij: { $in: partijen } } as unknown as FilterQuery<Betrokkene>);
    }
    if (filter.betrokkeneDigitaalAdres != null) {
      idIn(this.ctx.service(DigitaalAdresService).klantcontactIdsMetBetrokkeneAdres(filter.betrokkeneDigitaalAdres));
    }
    if (filter.heeftInterneTaak != null) {
      const taken = this.ctx.service(InterneTaakService).klantcontactIdsMetTaak();
      if (filter.heeftInterneTaak) idIn(taken);
      else idNotIn(taken);
    }
    if (filter.interneTaakStatus != null) idIn(this.ctx.service(InterneTaakService).klantcontactIdsMetTaak(filter.interneTaakStatus));
    if (filter.geenAntwoord != null) {
      // An answer is the klantcontact of an onderwerpobject that points back at an earlier one
      // (both set: a NULL in the list would make NOT IN match nothing).
      const antwoorden = onderwerpobjecten.subquery("klantcontact", {
        klantcontact: { $ne: null },
        wasKlantcontact: { $ne: null },
      } as FilterQuery<Onderwerpobject>);
      if (filter.geenAntwoord) idNotIn(antwoorden);
      else idIn(antwoorden);
    }
    if (filter.onderwerpobject != null) {
      idIn(onderwerpobjecten.subquery("klantcontact", { uuid: uuidFilter(filter.onderwerpobject) }));
    }
    const identificator = identificatorCondition(filter.onderwerpobjectidentificator);
    if (identificator) {
      idIn(
        onderwerpobjecten.subquery("klantcontact", {
          onderwerpobjectidentificator: identificator,
          klantcontact: { $ne: null },
        } as FilterQuery<Onderwerpobject>),
      );
    }
    if (filter.wasOnderwerpobject != null) {
      idIn(onderwerpobjecten.subquery("wasKlantcontact", { uuid: uuidFilter(filter.wasOnderwerpobject) }));
    }
    if (conditions.length === 0) return {};
    return conditions.length === 1 ? conditions[0] : { $and: conditions };
  }

  // Relation fields: each one batched over all klantcontacten of the request, asked of the related entity's service.

  betrokkenen(klantcontact: Klantcontact): Promise<Betrokkene[]> {
    return this.ctx.service(BetrokkeneService).vanKlantcontact(klantcontact);
  }

  onderwerpobjecten(klantcontact: Klantcontact): Promise<Onderwerpobject[]> {
    return this.ctx.service(OnderwerpobjectService).vanKlantcontact(klantcontact);
  }

  wasOnderwerpobjecten(klantcontact: Klantcontact): Promise<Onderwerpobject[]> {
    return this.ctx.service(OnderwerpobjectService).metWasKlantcontact(klantcontact);
  }

  bijlagen(klantcontact: Klantcontact): Promise<Bijlage[]> {
    return this.ctx.service(BijlageService).vanKlantcontact(klantcontact);
  }

  actoren(klantcontact: Klantcontact): Promise<Actor[]> {
    return this.ctx.service(ActorService).vanKlantcontact(klantcontact);
  }

  // Writes

  async create(input: KlantcontactInput): Promise<Klantcontact> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const problems = new InvalidParams();
    problems.addAll(await this.check(input, null));
    problems.throwIfAny();
    return this.ctx.transaction(async () => {
      const klantcontact = this.build(input);
      await this.ctx.em.flush();
      return klantcontact;
    });
  }

  async update(uuid: string, input: KlantcontactUpdateInput): Promise<Klantcontact> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const klantcontact = await this.gate.get(uuid);
    const problems = new InvalidParams();
    problems.addAll(await this.check(input, klantcontact));
    problems.throwIfAny();
    this.ctx.audit.record({ klantcontactId: klantcontact.id }, AuditSoort.SCHRIJVEN);
    return this.ctx.transaction(async () => {
      this.apply(klantcontact, input);
      await this.ctx.em.flush();
      return klantcontact;
    });
  }

  /**
   * The database cascades the delete to betrokkenen, onderwerpobjecten (through both foreign
   * keys), bijlagen, interne taken and actorklantcontacten.
   */
  async delete(uuid: string): Promise<string> {
    requireStaffScope(this.ctx, "klantcontacten", "verwijderen");
    const klantcontact = await this.gate.get(uuid);
    // Its betrokkenen go with it (database cascade): their partijen are reported while they are known.
    for (const partijId of await this.ctx.service(BetrokkeneService).partijIdsVan(klantcontact)) {
      this.ctx.audit.record({ partijId }, AuditSoort.VERWIJDEREN);
    }
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Klantcontact, { id: klantcontact.id }));
    return klantcontact.uuid;
  }

  /** Deletes these klantcontacten (the cascade of an onderwerpobject's delete); the database cascades on. */
  async deleteIds(ids: readonly number[]): Promise<void> {
    await this.ctx.em.nativeDelete(Klantcontact, { id: { $in: [...ids] } });
  }

  /**
   * Every rule of a (new or changed) klantcontact, with names under `prefix` (maakKlantcontact
   * uses "klantcontact"). Returns the problems; writes nothing.
   */
  async check(input: KlantcontactInput | KlantcontactUpdateInput, current: Klantcontact | null, prefix = ""): Promise<InvalidParam[]> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input, prefix));

    if (input.hoofdOnderwerpType && !isURL(input.hoofdOnderwerpType, { require_protocol: true, require_tld: false })) {
      problems.add(path(prefix, "hoofdOnderwerpType"), "invalid", "Voer een geldige URL in.");
    }
    if (input.metadata !== undefined && input.metadata !== null) {
      for (const [key, value] of Object.entries(input.metadata)) {
        if (typeof value !== "string") {
          problems.add(path(prefix, "metadata", key), "invalid", "Elke waarde in metadata moet tekst zijn.");
        } else if (characterCount(value) > METADATA_MAX) {
          problems.add(path(prefix, "metadata", key), "max_length", `Zorg ervoor dat dit veld niet meer dan ${METADATA_MAX} tekens bevat.`);
        }
      }
    }

    if (current && input.plaatsgevondenOp === null) {
      problems.add(path(prefix, "plaatsgevondenOp"), "required", "Dit veld is vereist en mag niet leeg gemaakt worden.");
    }

    // The rule holds for the values after the change, so an update is checked against what is stored.
    const gelukt = input.indicatieContactGelukt !== undefined ? input.indicatieContactGelukt : current?.indicatieContactGelukt;
    const verdereActie = input.verdereActieOndernomen !== undefined ? input.verdereActieOndernomen : current?.verdereActieOndernomen;
    if (gelukt === true && verdereActie === true) {
      problems.add(path(prefix, "nonFieldErrors"), "no-further-action-when-contact-succesful", GEEN_VERDERE_ACTIE);
    }

    await checkUniqueFields(
      this.ctx.em,
      Klantcontact,
      current,
      { nummer: input.nummer, referentienummer: input.referentienummer },
      (field) => `Er bestaat al een klantcontact met eenzelfde ${field}.`,
      problems,
      prefix,
    );
    return problems.params;
  }

  /** A new klantcontact from a checked input, persisted but not flushed. */
  build(input: KlantcontactInput): Klantcontact {
    const klantcontact = new Klantcontact();
    this.apply(klantcontact, input);
    this.ctx.em.persist(klantcontact);
    return klantcontact;
  }

  private apply(klantcontact: Klantcontact, input: KlantcontactInput | KlantcontactUpdateInput): void {
    if (input.nummer !== undefined) klantcontact.nummer = input.nummer || null;
    if (input.referentienummer !== undefined) klantcontact.referentienummer = input.referentienummer || null;
    if (input.kanaal != null) klantcontact.kanaal = input.kanaal;
    if (input.onderwerp != null) klantcontact.onderwerp = input.onderwerp;
    if (input.taal != null) klantcontact.taal = input.taal;
    if (input.vertrouwelijk != null) klantcontact.vertrouwelijk = input.vertrouwelijk;
    if (input.inhoud !== undefined) klantcontact.inhoud = input.inhoud ?? "";
    if (input.reactie !== undefined) klantcontact.reactie = input.reactie ?? "";
    if (input.indicatieContactGelukt !== undefined) klantcontact.indicatieContactGelukt = input.indicatieContactGelukt;
    if (input.hoofdOnderwerpType !== undefined) klantcontact.hoofdOnderwerpType = input.hoofdOnderwerpType ?? "";
    if (input.verdereActieOndernomen !== undefined) klantcontact.verdereActieOndernomen = input.verdereActieOndernomen ?? false;
    if (input.plaatsgevondenOp !== undefined) klantcontact.plaatsgevondenOp = input.plaatsgevondenOp ?? new Date();
    if (input.metadata !== undefined) klantcontact.metadata = (input.metadata ?? {}) as Record<string, string>;
  }
}
