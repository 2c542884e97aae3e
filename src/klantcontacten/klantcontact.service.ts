import type { FilterQuery } from "@mikro-orm/core";
import { isURL } from "class-validator";
import DataLoader from "dataloader";
import { paginate, paginatePerKey, type Connection, type PageArgs, type SortKey } from "../common/connection";
import type { RequestContext } from "../common/context";
import { InvalidParams, path, type InvalidParam } from "../common/errors";
import { identificatorCondition, subquery, TextFilters, uuidFilter } from "../common/filters";
import { childrenLoader, linkedLoader } from "../common/loaders";
import { findByUuid, getByUuid } from "../common/references";
import { checkUniqueFields } from "../common/unique";
import { characterCount, fieldErrors } from "../common/validation";
import { Actor } from "../opvolging/actor.entity";
import { InterneTaak } from "../opvolging/interne-taak.entity";
import { DigitaalAdres } from "../partijen/digitaal-adres.entity";
import { PartijIdentificator } from "../partijen/partij-identificator.entity";
import type { Partij } from "../partijen/partij.entity";
import { Betrokkene } from "./betrokkene.entity";
import { Bijlage } from "./bijlage.entity";
import { Klantcontact } from "./klantcontact.entity";
import type { KlantcontactFilter, KlantcontactInput, KlantcontactUpdateInput } from "./klantcontact.input";
import { ActorKlantcontact } from "./actor-klantcontact.entity";
import { Onderwerpobject } from "./onderwerpobject.entity";

/** Klantcontacten are listed as Open Klant does: latest plaatsgevondenOp first, then newest id. */
export const KLANTCONTACT_ORDER: SortKey[] = [{ property: "plaatsgevondenOp", direction: "desc" }];

const GEEN_VERDERE_ACTIE = "Als het contact gelukt is kan er geen verdere actie zijn ondernomen";
const METADATA_MAX = 255;

export class KlantcontactService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<Klantcontact | null> {
    return findByUuid(this.ctx, Klantcontact, uuid);
  }

  list(filter: KlantcontactFilter | null | undefined, page: PageArgs): Promise<Connection<Klantcontact>> {
    return paginate(this.ctx.em, Klantcontact, this.where(filter), KLANTCONTACT_ORDER, page);
  }

  /**
   * The klantcontacten in which a partij was a betrokkene, newest first: one page per partij for
   * all partijen in the request, in one SQL statement (the contactmomenten tab of a klantbeeld).
   */
  vanPartij(partij: Partij, filter: KlantcontactFilter | null | undefined, page: PageArgs): Promise<Connection<Klantcontact>> {
    const key = `Klantcontact:perPartij:${JSON.stringify([filter ?? null, page.first ?? null, page.after ?? null])}`;
    const loader = this.ctx.loader(key, () =>
      new DataLoader<number, Connection<Klantcontact>>(async (partijIds) => {
        const links = this.ctx.em
          .getKnex()
          .from({ b: "betrokkene" })
          .distinct({ row_id: "b.had_klantcontact_id", page_key: "b.was_partij_id" })
          .whereIn("b.was_partij_id", [...partijIds]);
        const keys = partijIds.map(String);
        const pages = await paginatePerKey(this.ctx.em, Klantcontact, links, keys, this.where(filter), KLANTCONTACT_ORDER, page);
        return keys.map((k) => pages.get(k)!);
      }),
    );
    return loader.load(partij.id);
  }

  private where(filter: KlantcontactFilter | null | undefined): FilterQuery<Klantcontact> {
    if (!filter) return {};
    const em = this.ctx.em;
    const text = new TextFilters(em, Klantcontact);
    const conditions: Array<FilterQuery<Klantcontact>> = [];
    const idIn = (query: unknown) => conditions.push({ id: { $in: query } } as FilterQuery<Klantcontact>);
    const idNotIn = (query: unknown) => conditions.push({ id: { $nin: query } } as FilterQuery<Klantcontact>);
    const viaBetrokkene = (where: FilterQuery<Betrokkene>) => idIn(subquery(em, Betrokkene, "hadKlantcontact", where));

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
    if (filter.wasPartij != null) viaBetrokkene({ wasPartij: { uuid: uuidFilter(filter.wasPartij) } });
    const partijIdentificator = identificatorCondition(filter.wasPartijIdentificator);
    if (partijIdentificator) {
      const partijen = subquery(em, PartijIdentificator, "identificeerdePartij", partijIdentificator as FilterQuery<PartijIdentificator>);
      viaBetrokkene({ wasPartij: { $in: partijen } } as unknown as FilterQuery<Betrokkene>);
    }
    if (filter.betrokkeneDigitaalAdres != null) {
      const betrokkenen = subquery(em, DigitaalAdres, "verstrektDoorBetrokkene", {
        ...new TextFilters(em, DigitaalAdres).icontains("adres", filter.betrokkeneDigitaalAdres),
        verstrektDoorBetrokkene: { $ne: null },
      } as FilterQuery<DigitaalAdres>);
      viaBetrokkene({ id: { $in: betrokkenen } } as unknown as FilterQuery<Betrokkene>);
    }
    if (filter.heeftInterneTaak != null) {
      const taken = subquery(em, InterneTaak, "aanleidinggevendKlantcontact", {});
      if (filter.heeftInterneTaak) idIn(taken);
      else idNotIn(taken);
    }
    if (filter.onderwerpobject != null) {
      idIn(subquery(em, Onderwerpobject, "klantcontact", { uuid: uuidFilter(filter.onderwerpobject) }));
    }
    const identificator = identificatorCondition(filter.onderwerpobjectidentificator);
    if (identificator) {
      idIn(
        subquery(em, Onderwerpobject, "klantcontact", {
          onderwerpobjectidentificator: identificator,
          klantcontact: { $ne: null },
        } as FilterQuery<Onderwerpobject>),
      );
    }
    if (filter.wasOnderwerpobject != null) {
      idIn(subquery(em, Onderwerpobject, "wasKlantcontact", { uuid: uuidFilter(filter.wasOnderwerpobject) }));
    }
    if (conditions.length === 0) return {};
    return conditions.length === 1 ? conditions[0] : { $and: conditions };
  }

  // Relation fields: each one batched over all klantcontacten of the request.

  betrokkenen(klantcontact: Klantcontact): Promise<Betrokkene[]> {
    return childrenLoader(this.ctx, Betrokkene, "hadKlantcontact").load(klantcontact.id);
  }

  onderwerpobjecten(klantcontact: Klantcontact): Promise<Onderwerpobject[]> {
    return childrenLoader(this.ctx, Onderwerpobject, "klantcontact").load(klantcontact.id);
  }

  wasOnderwerpobjecten(klantcontact: Klantcontact): Promise<Onderwerpobject[]> {
    return childrenLoader(this.ctx, Onderwerpobject, "wasKlantcontact").load(klantcontact.id);
  }

  bijlagen(klantcontact: Klantcontact): Promise<Bijlage[]> {
    return childrenLoader(this.ctx, Bijlage, "wasBijlageVanKlantcontact").load(klantcontact.id);
  }

  actoren(klantcontact: Klantcontact): Promise<Actor[]> {
    return linkedLoader<ActorKlantcontact, Actor>(this.ctx, ActorKlantcontact, "klantcontact", "actor").load(klantcontact.id);
  }

  // Writes

  async create(input: KlantcontactInput): Promise<Klantcontact> {
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
    const klantcontact = await getByUuid(this.ctx, Klantcontact, uuid);
    const problems = new InvalidParams();
    problems.addAll(await this.check(input, klantcontact));
    problems.throwIfAny();
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
    const klantcontact = await getByUuid(this.ctx, Klantcontact, uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Klantcontact, { id: klantcontact.id }));
    return klantcontact.uuid;
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
    const verdereActie =
      input.verdereActieOndernomen !== undefined ? input.verdereActieOndernomen : current?.verdereActieOndernomen;
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
