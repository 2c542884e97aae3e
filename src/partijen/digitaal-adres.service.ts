import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { hasScope, isBurger } from "../auth/principal";
import { EntityGate } from "../common/gate";
import type { RequestContext } from "../common/context";
import { paginate, NEWEST_FIRST, type Connection, type PageArgs } from "../common/connection";
import { toDateString } from "../common/dates";
import { InvalidParams } from "../common/errors";
import { TextFilters, uuidFilter } from "../common/filters";
import { childrenLoader, loadRelated } from "../common/loaders";
import { findByUuid, getByUuid, resolveReference } from "../common/references";
import { isTaken } from "../common/unique";
import { fieldErrors } from "../common/validation";
import { checkEmail, checkTelefoonnummer, type Check } from "../common/validators";
import { Betrokkene } from "../klantcontacten/betrokkene.entity";
import { DigitaalAdres } from "./digitaal-adres.entity";
import type { DigitaalAdresFilter, DigitaalAdresInput, DigitaalAdresUpdateInput } from "./digitaal-adres.input";
import { SoortDigitaalAdres } from "./enums";
import { Partij } from "./partij.entity";
import { PartijService } from "./partij.service";
import { PartijIdentificator } from "./partij-identificator.entity";

/** How `adres` is checked for each soort; `overig` is free text. */
const ADRES_CHECKS: Record<SoortDigitaalAdres, Check | null> = {
  [SoortDigitaalAdres.EMAIL]: checkEmail,
  [SoortDigitaalAdres.TELEFOONNUMMER]: checkTelefoonnummer,
  [SoortDigitaalAdres.OVERIG]: null,
};

/** The state a digitaal adres will have after a create or update, once every rule holds. */
interface Checked {
  partij: Partij | null | undefined;
  betrokkene: Betrokkene | null | undefined;
  soort: SoortDigitaalAdres;
  isStandaardAdres: boolean;
}

export class DigitaalAdresService {
  /** The only way to DigitaalAdres rows. */
  private readonly gate: EntityGate<DigitaalAdres>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate(ctx, DigitaalAdres, { visible: () => this.visibleCondition() });
  }

  /**
   * An adres is visible with the partij that gave it (a citizen sees only its own partij's); one
   * given by no partij (only by a betrokkene, or by nobody) is visible to every non-citizen.
   */
  private visibleCondition(): FilterQuery<DigitaalAdres> | undefined {
    const principal = this.ctx.principal;
    if (!isBurger(principal) && hasScope(principal, "geheimhouding.lezen")) return undefined;
    const ofVisiblePartij = { verstrektDoorPartij: { $in: this.partijen.visibleIds() } } as unknown as FilterQuery<DigitaalAdres>;
    if (isBurger(principal)) return ofVisiblePartij;
    return { $or: [{ verstrektDoorPartij: null }, ofVisiblePartij] } as FilterQuery<DigitaalAdres>;
  }

  /**
   * Sub-query of the ids of the betrokkenen that gave a visible adres matching `condition` (the
   * betrokkeneDigitaalAdres / verstrektDigitaalAdres filters of klantcontacten and betrokkenen).
   */
  adresBetrokkeneIds(condition: FilterQuery<DigitaalAdres>): Knex.QueryBuilder {
    return this.gate.subquery("verstrektDoorBetrokkene", {
      $and: [condition, { verstrektDoorBetrokkene: { $ne: null } }],
    } as FilterQuery<DigitaalAdres>);
  }

  /** A condition on `adres` that contains `text`, case-insensitively (the betrokkeneDigitaalAdres filter). */
  adresContains(text: string): FilterQuery<DigitaalAdres> {
    return new TextFilters(this.ctx.em, DigitaalAdres).icontains("adres", text);
  }

  byUuid(uuid: string): Promise<DigitaalAdres | null> {
    return findByUuid(this.ctx, DigitaalAdres, uuid);
  }

  list(filter: DigitaalAdresFilter | null | undefined, page: PageArgs): Promise<Connection<DigitaalAdres>> {
    return paginate(this.ctx.em, DigitaalAdres, this.where(filter), NEWEST_FIRST, page);
  }

  /** The digitale adressen a betrokkene gave (batched over all betrokkenen in the request). */
  vanBetrokkene(betrokkene: Betrokkene): Promise<DigitaalAdres[]> {
    return childrenLoader(this.ctx, DigitaalAdres, "verstrektDoorBetrokkene").load(betrokkene.id);
  }

  partij(adres: DigitaalAdres): Promise<Partij | null> {
    return loadRelated(this.ctx, Partij, adres.verstrektDoorPartij);
  }

  betrokkene(adres: DigitaalAdres): Promise<Betrokkene | null> {
    return loadRelated(this.ctx, Betrokkene, adres.verstrektDoorBetrokkene);
  }

  private get partijen() {
    return this.ctx.service(PartijService);
  }

  async create(input: DigitaalAdresInput): Promise<DigitaalAdres> {
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
      return adres;
    });
  }

  async update(uuid: string, input: DigitaalAdresUpdateInput): Promise<DigitaalAdres> {
    const adres = await getByUuid(this.ctx, DigitaalAdres, uuid);
    return this.ctx.transaction(async () => {
      // the partij it leaves and the one it joins; the checks then see the adres as it is now
      const target = input.verstrektDoorPartij ? await findByUuid(this.ctx, Partij, input.verstrektDoorPartij) : null;
      await this.partijen.lockOwners([target?.id], [adres]);
      const checked = await this.check(adres, input);
      const from = adres.verstrektDoorPartij?.id ?? null;
      await this.clearOtherStandaard(adres, checked);
      this.apply(adres, input, checked);
      await this.ctx.em.flush();
      const to = adres.verstrektDoorPartij?.id ?? null;
      if (to !== from) await this.partijen.clearVoorkeurOfOthers("digitaalAdres", [adres.id], to);
      return adres;
    });
  }

  /** Deletes the adres only: its partij stays (a partij pointing at it as voorkeur gets null, by the FK). */
  async delete(uuid: string): Promise<string> {
    const adres = await getByUuid(this.ctx, DigitaalAdres, uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(DigitaalAdres, { id: adres.id }));
    return adres.uuid;
  }

  private where(filter: DigitaalAdresFilter | null | undefined): FilterQuery<DigitaalAdres> {
    if (!filter) return {};
    const text = new TextFilters(this.ctx.em, DigitaalAdres);
    const conditions: Array<FilterQuery<DigitaalAdres>> = [];

    if (filter.adres != null) conditions.push({ adres: filter.adres });
    if (filter.adresBevat) conditions.push(text.icontains("adres", filter.adresBevat));
    if (filter.soortDigitaalAdres) conditions.push({ soortDigitaalAdres: filter.soortDigitaalAdres });
    if (filter.isStandaardAdres != null) conditions.push({ isStandaardAdres: filter.isStandaardAdres });
    if (filter.omschrijving) conditions.push(text.icontains("omschrijving", filter.omschrijving));
    if (filter.referentie != null) conditions.push({ referentie: filter.referentie });
    if (filter.verificatieDatum) conditions.push({ verificatieDatum: toDateString(filter.verificatieDatum) });
    if (filter.verificatieDatumVanaf) conditions.push({ verificatieDatum: { $gte: toDateString(filter.verificatieDatumVanaf) } });
    if (filter.verificatieDatumTot) conditions.push({ verificatieDatum: { $lte: toDateString(filter.verificatieDatumTot) } });
    if (filter.isGeverifieerd != null) {
      conditions.push({ verificatieDatum: filter.isGeverifieerd ? { $ne: null } : null });
    }

    if (filter.verstrektDoorBetrokkene) conditions.push({ verstrektDoorBetrokkene: { uuid: uuidFilter(filter.verstrektDoorBetrokkene) } });
    if (filter.verstrektDoorBetrokkeneRol) conditions.push({ verstrektDoorBetrokkene: { rol: filter.verstrektDoorBetrokkeneRol } });
    if (filter.verstrektDoorPartij) conditions.push({ verstrektDoorPartij: { uuid: uuidFilter(filter.verstrektDoorPartij) } });
    if (filter.verstrektDoorPartijSoort) conditions.push({ verstrektDoorPartij: { soortPartij: filter.verstrektDoorPartijSoort } });

    const identificator = filter.verstrektDoorPartijIdentificator;
    const on: FilterQuery<PartijIdentificator> = {};
    if (identificator) {
      if (identificator.codeObjecttype) on.codeObjecttype = identificator.codeObjecttype;
      if (identificator.codeSoortObjectId) on.codeSoortObjectId = identificator.codeSoortObjectId;
      if (identificator.objectId != null) on.objectId = identificator.objectId;
      if (identificator.codeRegister) on.codeRegister = identificator.codeRegister;
    }
    if (Object.keys(on).length > 0) {
      // A subquery (not a join): all codes on the same identificator row, and no duplicate adressen.
      const partijen = this.ctx.em
        .createQueryBuilder(PartijIdentificator, "pi")
        .select("pi.identificeerde_partij_id")
        .where(on)
        .getKnexQuery();
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

    const partij = await resolveReference(this.ctx, Partij, input.verstrektDoorPartij, "verstrektDoorPartij", problems);
    const betrokkene = await resolveReference(
      this.ctx,
      Betrokkene,
      input.verstrektDoorBetrokkene,
      "verstrektDoorBetrokkene",
      problems,
    );
    // The partij after the write: null = none, undefined = unknown (its reference was wrong).
    const partijId =
      input.verstrektDoorPartij === undefined ? (adres?.verstrektDoorPartij?.id ?? null) : partij === undefined ? undefined : (partij?.id ?? null);

    const soort = input.soortDigitaalAdres ?? adres?.soortDigitaalAdres;
    const waarde = input.adres ?? adres?.adres;
    // A new soort re-checks the stored adres; an unchanged pair was checked when it was written.
    if ((input.adres !== undefined || input.soortDigitaalAdres !== undefined) && soort && waarde && !failed("adres")) {
      const reason = ADRES_CHECKS[soort]?.(waarde);
      if (reason) problems.add("adres", "invalid", reason);
    }

    const isStandaardAdres =
      input.isStandaardAdres !== undefined ? Boolean(input.isStandaardAdres) : (adres?.isStandaardAdres ?? false);
    if (isStandaardAdres && partijId === null) {
      problems.add(
        "isStandaardAdres",
        "invalid",
        "isStandaardAdres kan alleen gezet worden als verstrektDoorPartij niet leeg is.",
      );
    }

    const referentie = input.referentie !== undefined ? (input.referentie ?? "") : (adres?.referentie ?? "");
    if (referentie && partijId && soort && !failed("referentie")) {
      const where = { verstrektDoorPartij: partijId, referentie, soortDigitaalAdres: soort };
      if (await isTaken(this.ctx.em, DigitaalAdres, where, adres)) {
        problems.add(
          "referentie",
          "unique",
          "Er bestaat al een digitaal adres met deze referentie en soort voor deze partij.",
        );
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

  private apply(adres: DigitaalAdres, input: DigitaalAdresInput | DigitaalAdresUpdateInput, checked: Checked): void {
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
