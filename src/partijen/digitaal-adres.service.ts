import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { requireAreaScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import { AuditSoort } from "../audit/enums";
import { EntityGate } from "../common/gate";
import type { RequestContext } from "../common/context";
import { NEWEST_FIRST, type Connection, type PageArgs } from "../common/connection";
import { toDateString } from "../common/dates";
import { ForbiddenError, InvalidParams, NotFoundError, path } from "../common/errors";
import { identificatorCondition, TextFilters, uuidFilter } from "../common/filters";
import { fieldErrors } from "../common/validation";
import { checkEmail, checkTelefoonnummer, type Check } from "../common/validators";
import type { Betrokkene } from "../klantcontacten/betrokkene.entity";
import { BetrokkeneService } from "../klantcontacten/betrokkene.service";
import { DigitaalAdres } from "./digitaal-adres.entity";
import type {
  BetrokkeneDigitaalAdresInput,
  DigitaalAdresFilter,
  DigitaalAdresInput,
  DigitaalAdresUpdateInput,
  DigitaalAdresZoekInput,
  PartijDigitaalAdresInput,
} from "./digitaal-adres.input";
import { telefoonnummerCijfers, zoekadres } from "./digitaal-adres.normalisation";
import { SoortDigitaalAdres, Zoekwijze } from "./enums";
import type { Partij } from "./partij.entity";
import { PartijService } from "./partij.service";

/** How `adres` is checked for each soort; `overig` is free text. */
const ADRES_CHECKS: Record<SoortDigitaalAdres, Check | null> = {
  [SoortDigitaalAdres.EMAIL]: checkEmail,
  [SoortDigitaalAdres.TELEFOONNUMMER]: checkTelefoonnummer,
  [SoortDigitaalAdres.OVERIG]: null,
};

/**
 * The reason an adres is refused for its soort, or null: the one rule every write of an adres
 * applies (create, update, and the nested adressen of the workflows).
 */
export function checkAdres(soort: SoortDigitaalAdres, adres: string): string | null {
  return ADRES_CHECKS[soort]?.(adres) ?? null;
}

/** A search for an adres: the text, how it is compared, and optionally the one soort searched. */
export interface AdresZoekvraag {
  adres: string;
  zoekwijze?: Zoekwijze | null;
  soortDigitaalAdres?: SoortDigitaalAdres | null;
}

/** The state a digitaal adres will have after a create or update, once every rule holds. */
interface Checked {
  partij: Partij | null | undefined;
  betrokkene: Betrokkene | null | undefined;
  soort: SoortDigitaalAdres;
  isStandaardAdres: boolean;
}

/**
 * The order front-ends show adressen in: the voorkeur first, then the standaard adres of each soort,
 * then the rest; within a group the storage order (oldest first) the rows come in. A sorted copy:
 * the loader's cached list stays as it is.
 */
function inVoorkeurOrder(rows: DigitaalAdres[], voorkeurId: number | undefined): DigitaalAdres[] {
  const rank = (row: DigitaalAdres) => (row.id === voorkeurId ? 0 : row.isStandaardAdres ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

export class DigitaalAdresService {
  /** The only way to DigitaalAdres rows. */
  private readonly gate: EntityGate<DigitaalAdres>;

  constructor(private readonly ctx: RequestContext) {
    // visible with the partij that gave it (PartijService.visibleUnder), which is its data subject
    this.gate = new EntityGate<DigitaalAdres>(ctx, DigitaalAdres, {
      visible: () => this.visibleCondition(),
      onRead: (rows) => this.partijen.auditUnder(rows.map((row) => row.verstrektDoorPartij)),
    });
  }

  /**
   * Sub-query of the ids of the betrokkenen that gave a visible adres matching `condition` (the
   * verstrektDigitaalAdres filter of betrokkenen).
   */
  adresBetrokkeneIds(condition: FilterQuery<DigitaalAdres>): Knex.QueryBuilder {
    return this.gate.subquery("verstrektDoorBetrokkene", {
      $and: [condition, { verstrektDoorBetrokkene: { $ne: null } }],
    } as FilterQuery<DigitaalAdres>);
  }

  /**
   * Sub-query of the ids of the klantcontacten in which a visible betrokkene gave an adres that
   * matches `zoek` (the betrokkeneDigitaalAdres filters of klantcontacten and interne taken, KISS's
   * contactverzoeken), optionally only betrokkenen without a partij.
   */
  klantcontactIdsMetBetrokkeneAdres(zoek: DigitaalAdresZoekInput): Knex.QueryBuilder {
    const betrokkenen = this.adresBetrokkeneIds(this.adresCondition(zoek));
    const where = zoek.alleenZonderPartij ? { id: { $in: betrokkenen }, wasPartij: null } : { id: { $in: betrokkenen } };
    return this.betrokkenen.subquery("hadKlantcontact", where as unknown as FilterQuery<Betrokkene>);
  }

  /**
   * The adressen that match a search, on their search form (`zoekadres`): the text is brought into
   * the form of each soort searched, so every notation of a phone number finds the same row and
   * EXACT is an indexed equality per soort. BEVAT compares the digits of a phone number in E.164
   * (a LIKE on digits, which hold no wildcards) and other text case-insensitively. A blank text
   * finds nothing.
   */
  adresCondition(zoek: AdresZoekvraag): FilterQuery<DigitaalAdres> {
    if (zoek.adres.trim() === "") return { id: { $in: [] } };
    const text = new TextFilters(this.ctx.em, DigitaalAdres);
    const soorten = zoek.soortDigitaalAdres ? [zoek.soortDigitaalAdres] : Object.values(SoortDigitaalAdres);
    const perSoort = soorten.map((soort): FilterQuery<DigitaalAdres> => {
      if (zoek.zoekwijze !== Zoekwijze.BEVAT) return { soortDigitaalAdres: soort, zoekadres: zoekadres(soort, zoek.adres) };
      const cijfers = soort === SoortDigitaalAdres.TELEFOONNUMMER ? telefoonnummerCijfers(zoek.adres) : null;
      const bevat = cijfers ? { zoekadres: { $like: `%${cijfers}%` } } : text.icontains("zoekadres", zoek.adres.trim());
      return { soortDigitaalAdres: soort, ...bevat } as FilterQuery<DigitaalAdres>;
    });
    return perSoort.length === 1 ? perSoort[0] : ({ $or: perSoort } as FilterQuery<DigitaalAdres>);
  }

  /**
   * Visible with the partij that gave it, and with the betrokkene that gave it: an adres given
   * in a klantcontact the request may not see (vertrouwelijk, say) is absent too.
   */
  private visibleCondition(): FilterQuery<DigitaalAdres> | undefined {
    const vanPartij = this.partijen.visibleUnder<DigitaalAdres>("verstrektDoorPartij");
    const betrokkenen = this.betrokkenen.visibleIds();
    const vanBetrokkene = betrokkenen
      ? ({
          $or: [{ verstrektDoorBetrokkene: null }, { verstrektDoorBetrokkene: { $in: betrokkenen } }],
        } as unknown as FilterQuery<DigitaalAdres>)
      : undefined;
    if (!vanPartij || !vanBetrokkene) return vanPartij ?? vanBetrokkene;
    return { $and: [vanPartij, vanBetrokkene] } as FilterQuery<DigitaalAdres>;
  }

  private get betrokkenen() {
    return this.ctx.service(BetrokkeneService);
  }

  /** Reading needs partijen.lezen (FORBIDDEN before SQL); the gate decides which rows. */
  private get reading(): EntityGate<DigitaalAdres> {
    requireAreaScope(this.ctx, "partijen", "lezen");
    return this.gate;
  }

  /**
   * Writing needs partijen.schrijven (or .verwijderen). A citizen-bound token may keep its own
   * adressen: the gate shows it no others, and `checkBurger` keeps every adres it writes its own.
   */
  private writable(action: "schrijven" | "verwijderen" = "schrijven"): void {
    requireAreaScope(this.ctx, "partijen", action);
  }

  /** A citizen's adres must stay verstrekt door its own partij (the gate found no other). */
  private checkBurger(partijId: number | null | undefined): void {
    if (isBurger(this.ctx.principal) && partijId === null) {
      throw new ForbiddenError(
        "Met een token van een burger of bedrijf kan alleen een eigen digitaal adres (verstrektDoorPartij) vastgelegd worden.",
      );
    }
  }

  byUuid(uuid: string): Promise<DigitaalAdres | null> {
    return this.reading.byUuid(uuid);
  }

  /** The adres a relation points at (Partij.voorkeursDigitaalAdres); null when absent or not visible. */
  related(ref: { id: number } | null | undefined): Promise<DigitaalAdres | null> {
    return this.reading.related(ref);
  }

  /** The visible adres with this uuid, for an input that names it (no read scope needed). */
  findForInput(uuid: string): Promise<DigitaalAdres | null> {
    return this.gate.byUuid(uuid);
  }

  list(filter: DigitaalAdresFilter | null | undefined, page: PageArgs): Promise<Connection<DigitaalAdres>> {
    const reading = this.reading;
    return reading.page(this.where(filter), NEWEST_FIRST, page);
  }

  /**
   * The digitale adressen a partij gave (batched over all partijen in the request): its
   * voorkeursDigitaalAdres first, then its standaard adressen, then the others, each group oldest first.
   */
  async vanPartij(partij: Partij): Promise<DigitaalAdres[]> {
    return inVoorkeurOrder(await this.reading.children("verstrektDoorPartij", partij.id), partij.voorkeursDigitaalAdres?.id);
  }

  /** The same rows for the checks of a write, which needs the write's scope, not partijen.lezen. */
  vanPartijVoorWijziging(partij: Partij): Promise<DigitaalAdres[]> {
    return this.gate.children("verstrektDoorPartij", partij.id);
  }

  /** The digitale adressen a betrokkene gave (batched over all betrokkenen in the request): standaard adressen first. */
  async vanBetrokkene(betrokkene: Betrokkene): Promise<DigitaalAdres[]> {
    return inVoorkeurOrder(await this.reading.children("verstrektDoorBetrokkene", betrokkene.id), undefined);
  }

  /** Locks the row until the transaction ends if it (still) belongs to `partij`; false when it does not. */
  async lockIfOf(row: DigitaalAdres, partij: Partij): Promise<boolean> {
    return (await this.ctx.lock(DigitaalAdres, { id: row.id, verstrektDoorPartij: partij.id })).length > 0;
  }

  /** Reads these managed rows again (one statement), for a write that decides under a lock; NOT_FOUND if one is gone. */
  async readAgain(rows: DigitaalAdres[]): Promise<void> {
    if (rows.length === 0) return;
    const found = await this.gate.find({ id: { $in: rows.map((r) => r.id) } }, { refresh: true });
    const gone = rows.find((row) => !found.includes(row));
    if (gone) throw new NotFoundError(DigitaalAdres.name, gone.uuid);
  }

  partij(adres: DigitaalAdres): Promise<Partij | null> {
    return this.partijen.related(adres.verstrektDoorPartij);
  }

  betrokkene(adres: DigitaalAdres): Promise<Betrokkene | null> {
    return this.betrokkenen.related(adres.verstrektDoorBetrokkene);
  }

  private get partijen() {
    return this.ctx.service(PartijService);
  }

  async create(input: DigitaalAdresInput): Promise<DigitaalAdres> {
    this.writable();
    return this.ctx.transaction(async () => {
      const checked = await this.check(null, input);
      // a new standaard adres takes over from the others: one such write per partij at a time
      if (checked.isStandaardAdres) await this.partijen.lock([checked.partij?.id]);
      await this.clearOtherStandaard(null, checked);
      const adres = this.ctx.em.create(DigitaalAdres, {
        adres: input.adres,
        soortDigitaalAdres: input.soortDigitaalAdres,
      } as never);
      this.apply(adres, input, checked);
      await this.ctx.em.flush();
      this.partijen.auditUnder([adres.verstrektDoorPartij], AuditSoort.SCHRIJVEN);
      return adres;
    });
  }

  async update(uuid: string, input: DigitaalAdresUpdateInput): Promise<DigitaalAdres> {
    this.writable();
    const adres = await this.gate.get(uuid);
    return this.ctx.transaction(async () => {
      // the partij it leaves and the one it joins; the checks then see the adres as it is now
      const target = input.verstrektDoorPartij ? await this.partijen.findForInput(input.verstrektDoorPartij) : null;
      await this.partijen.lockOwners([target?.id], [adres]);
      const checked = await this.check(adres, input);
      const from = adres.verstrektDoorPartij?.id ?? null;
      this.partijen.auditUnder([adres.verstrektDoorPartij], AuditSoort.SCHRIJVEN);
      await this.clearOtherStandaard(adres, checked);
      this.apply(adres, input, checked);
      await this.ctx.em.flush();
      const to = adres.verstrektDoorPartij?.id ?? null;
      if (to !== from) await this.partijen.clearVoorkeurOfOthers("digitaalAdres", [adres.id], to);
      this.partijen.auditUnder([adres.verstrektDoorPartij], AuditSoort.SCHRIJVEN);
      return adres;
    });
  }

  /** Deletes the adres only: its partij stays (a partij pointing at it as voorkeur gets null, by the FK). */
  async delete(uuid: string): Promise<string> {
    this.writable("verwijderen");
    const adres = await this.gate.get(uuid);
    await this.ctx.transaction(async () => {
      await this.ctx.em.nativeDelete(DigitaalAdres, { id: adres.id });
      this.partijen.auditUnder([adres.verstrektDoorPartij], AuditSoort.VERWIJDEREN);
    });
    return adres.uuid;
  }

  /**
   * The rules of a new adres given inside the write that creates its owner (createPartij's
   * nieuweDigitaleAdressen, a betrokkene's in registreerKlantcontact), named under `prefix`. The
   * owner is new, so nothing is looked up: no SQL.
   */
  async checkNested(input: BetrokkeneDigitaalAdresInput, prefix: string, problems: InvalidParams): Promise<void> {
    const own = await fieldErrors(input, prefix);
    problems.addAll(own);
    if (own.some((p) => p.name === path(prefix, "adres"))) return;
    const reason = ADRES_CHECKS[input.soortDigitaalAdres]?.(input.adres);
    if (reason) problems.add(path(prefix, "adres"), "invalid", reason);
  }

  /** A new adres of a new partij or betrokkene from a checked nested input, persisted but not flushed. */
  buildNested(
    input: BetrokkeneDigitaalAdresInput | PartijDigitaalAdresInput,
    owner: { partij?: Partij; betrokkene?: Betrokkene },
  ): DigitaalAdres {
    const adres = this.ctx.em.create(DigitaalAdres, { adres: input.adres, soortDigitaalAdres: input.soortDigitaalAdres } as never);
    this.apply(adres, input, {
      partij: owner.partij ?? null,
      betrokkene: owner.betrokkene ?? null,
      soort: input.soortDigitaalAdres,
      isStandaardAdres: Boolean(owner.partij && "isStandaardAdres" in input && input.isStandaardAdres),
    });
    if (owner.partij) this.partijen.auditUnder([owner.partij], AuditSoort.SCHRIJVEN);
    return adres;
  }

  private where(filter: DigitaalAdresFilter | null | undefined): FilterQuery<DigitaalAdres> {
    if (!filter) return {};
    const text = new TextFilters(this.ctx.em, DigitaalAdres);
    const conditions: Array<FilterQuery<DigitaalAdres>> = [];

    const soortDigitaalAdres = filter.soortDigitaalAdres;
    if (filter.adres != null) conditions.push(this.adresCondition({ adres: filter.adres, soortDigitaalAdres }));
    if (filter.adresBevat)
      conditions.push(this.adresCondition({ adres: filter.adresBevat, zoekwijze: Zoekwijze.BEVAT, soortDigitaalAdres }));
    if (soortDigitaalAdres) conditions.push({ soortDigitaalAdres });
    if (filter.isStandaardAdres != null) conditions.push({ isStandaardAdres: filter.isStandaardAdres });
    if (filter.omschrijving) conditions.push(text.icontains("omschrijving", filter.omschrijving));
    if (filter.referentie != null) conditions.push({ referentie: filter.referentie });
    if (filter.verificatieDatum) conditions.push({ verificatieDatum: toDateString(filter.verificatieDatum) });
    if (filter.verificatieDatumVanaf) conditions.push({ verificatieDatum: { $gte: toDateString(filter.verificatieDatumVanaf) } });
    if (filter.verificatieDatumTot) conditions.push({ verificatieDatum: { $lte: toDateString(filter.verificatieDatumTot) } });
    if (filter.isGeverifieerd != null) {
      conditions.push({ verificatieDatum: filter.isGeverifieerd ? { $ne: null } : null });
    }

    // conditions on the betrokkene are sub-queries through its service, so they match visible ones only
    const betrokkenen = (where: FilterQuery<Betrokkene>) =>
      ({ verstrektDoorBetrokkene: { $in: this.betrokkenen.subquery("id", where) } }) as unknown as FilterQuery<DigitaalAdres>;
    if (filter.verstrektDoorBetrokkene) conditions.push(betrokkenen({ uuid: uuidFilter(filter.verstrektDoorBetrokkene) }));
    if (filter.verstrektDoorBetrokkeneRol) conditions.push(betrokkenen({ rol: filter.verstrektDoorBetrokkeneRol }));
    if (filter.verstrektDoorPartij) conditions.push({ verstrektDoorPartij: { uuid: uuidFilter(filter.verstrektDoorPartij) } });
    if (filter.verstrektDoorPartijSoort) conditions.push({ verstrektDoorPartij: { soortPartij: filter.verstrektDoorPartijSoort } });

    const identificator = identificatorCondition(filter.verstrektDoorPartijIdentificator);
    if (identificator) {
      // A sub-query (not a join): all codes on the same identificator row, and no duplicate adressen.
      const partijen = this.partijen.identificatorPartijIds(identificator);
      conditions.push({ verstrektDoorPartij: { $in: partijen } } as unknown as FilterQuery<DigitaalAdres>);
    }

    if (conditions.length === 0) return {};
    return conditions.length === 1 ? conditions[0] : { $and: conditions };
  }

  /**
   * Every rule of a create or update, checked against the state the row will have afterwards
   * (the input where given, the stored row otherwise). Throws with all problems at once.
   */
  private async check(adres: DigitaalAdres | null, input: DigitaalAdresInput | DigitaalAdresUpdateInput): Promise<Checked> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    const failed = (name: string) => problems.params.some((p) => p.name === name);

    const partij = await this.partijen.reference(input.verstrektDoorPartij, "verstrektDoorPartij", problems);
    const betrokkene = await this.betrokkenen.reference(input.verstrektDoorBetrokkene, "verstrektDoorBetrokkene", problems);
    // The partij after the write: null = none, undefined = unknown (its reference was wrong).
    const partijId =
      input.verstrektDoorPartij === undefined
        ? (adres?.verstrektDoorPartij?.id ?? null)
        : partij === undefined
          ? undefined
          : (partij?.id ?? null);

    if (partijId !== undefined) this.checkBurger(partijId);

    const soort = input.soortDigitaalAdres ?? adres?.soortDigitaalAdres;
    const waarde = input.adres ?? adres?.adres;
    // A new soort re-checks the stored adres; an unchanged pair was checked when it was written.
    if ((input.adres !== undefined || input.soortDigitaalAdres !== undefined) && soort && waarde && !failed("adres")) {
      const reason = checkAdres(soort, waarde);
      if (reason) problems.add("adres", "invalid", reason);
    }

    const isStandaardAdres = input.isStandaardAdres !== undefined ? Boolean(input.isStandaardAdres) : (adres?.isStandaardAdres ?? false);
    if (isStandaardAdres && partijId === null) {
      problems.add("isStandaardAdres", "invalid", "isStandaardAdres kan alleen gezet worden als verstrektDoorPartij niet leeg is.");
    }

    const referentie = input.referentie !== undefined ? (input.referentie ?? "") : (adres?.referentie ?? "");
    if (referentie && partijId && soort && !failed("referentie")) {
      const where = { verstrektDoorPartij: partijId, referentie, soortDigitaalAdres: soort };
      if (await this.gate.isTaken(where, adres)) {
        problems.add("referentie", "unique", "Er bestaat al een digitaal adres met deze referentie en soort voor deze partij.");
      }
    }

    problems.throwIfAny();
    return { partij, betrokkene, soort: soort as SoortDigitaalAdres, isStandaardAdres };
  }

  /**
   * At most one standaard adres per partij and soort: a new one silently takes over (as in Open
   * Klant). The others are switched off BEFORE this row is written, so the partial unique index
   * never sees two at once; the partij's lock (PartijService.lock) keeps two such writes from
   * interleaving.
   */
  private async clearOtherStandaard(adres: DigitaalAdres | null, checked: Checked): Promise<void> {
    if (!checked.isStandaardAdres) return;
    const partijId = checked.partij !== undefined ? checked.partij?.id : adres?.verstrektDoorPartij?.id;
    if (!partijId) return;
    await this.ctx.em.nativeUpdate(
      DigitaalAdres,
      {
        verstrektDoorPartij: partijId,
        soortDigitaalAdres: checked.soort,
        isStandaardAdres: true,
        ...(adres ? { id: { $ne: adres.id } } : {}),
      },
      { isStandaardAdres: false },
    );
  }

  private apply(
    adres: DigitaalAdres,
    input: DigitaalAdresInput | DigitaalAdresUpdateInput | BetrokkeneDigitaalAdresInput,
    checked: Checked,
  ): void {
    if (checked.partij !== undefined) adres.verstrektDoorPartij = checked.partij;
    if (checked.betrokkene !== undefined) adres.verstrektDoorBetrokkene = checked.betrokkene;
    if (input.adres != null) adres.adres = input.adres;
    adres.soortDigitaalAdres = checked.soort;
    adres.isStandaardAdres = checked.isStandaardAdres;
    if (input.omschrijving !== undefined) adres.omschrijving = input.omschrijving ?? "";
    if (input.referentie !== undefined) adres.referentie = input.referentie ?? "";
    if (input.verificatieDatum !== undefined) adres.verificatieDatum = toDateString(input.verificatieDatum) ?? null;
  }
}
