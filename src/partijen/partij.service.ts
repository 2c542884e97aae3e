import { randomUUID } from "node:crypto";
import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { refuseBurger, requireAreaScope } from "../auth/access";
import { hasScope, isBurger } from "../auth/principal";
import { AuditSoort } from "../audit/enums";
import type { BaseEntity } from "../common/base.entity";
import type { RequestContext } from "../common/context";
import type { Connection, PageArgs } from "../common/connection";
import { toAdres, toContactnaam } from "../common/embeddables.input";
import { InvalidInputError, InvalidParams, NotFoundError, path } from "../common/errors";
import { EntityGate } from "../common/gate";
import { checkUniqueFields } from "../common/unique";
import { fieldErrors } from "../common/validation";
import { CategorieRelatieService } from "./categorie-relatie.service";
import { DigitaalAdres } from "./digitaal-adres.entity";
import { DigitaalAdresService } from "./digitaal-adres.service";
import { CodeSoortObjectId, SoortPartij } from "./enums";
import { partijIdentificatie, type Contactpersoon } from "./partij-identificatie.type";
import { Partij } from "./partij.entity";
import type { PartijFilter, PartijInput, PartijUpdateInput } from "./partij.input";
import type { PartijIdentificatorGroepFilter } from "./partij-identificator.input";
import { PartijIdentificator } from "./partij-identificator.entity";
import type { PartijIdentificatorItemInput } from "./partij-identificator.input";
import { NewPartij, PartijIdentificatorService, type IdentificatorPlan } from "./partij-identificator.service";
import { Rekeningnummer } from "./rekeningnummer.entity";
import { RekeningnummerService } from "./rekeningnummer.service";
import { VertegenwoordigingService } from "./vertegenwoordiging.service";

const VOORKEURS_ADRES_NIET_GELINKT = "Het voorkeurs adres moet een gelinkte digitaal adres zijn.";
const VOORKEURSREKENINGNUMMER_NIET_GELINKT = "Het voorkeursrekeningnummer moet een gelinkt rekeningnummer zijn.";
const NUMMER_NIET_UNIEK = "Er bestaat al een partij met eenzelfde nummer.";

/** The addresses and accounts an input lists: they move to the partij written. */
function listed(resolved: Resolved): Array<DigitaalAdres | Rekeningnummer> {
  return [...(resolved.digitaleAdressen ?? []), ...(resolved.rekeningnummers ?? [])].filter((row) => row !== null);
}

/** The partij a digitaal adres or rekeningnummer belongs to (undefined: none). */
function ownerOf(row: DigitaalAdres | Rekeningnummer): number | undefined {
  return row instanceof DigitaalAdres ? row.verstrektDoorPartij?.id : row.partij?.id;
}

/** A new partij to check (createPartij, or one that vindOfMaakPartij makes), and how its problems are named. */
export interface NewPartijItem {
  input: PartijInput;
  /** The input path of a problem; the rules name fields of the PartijInput itself. */
  name: (field: string) => string;
}

/** A new partij whose input passed every rule: what createPartij and vindOfMaakPartij write. */
export interface NewPartijPlan {
  input: PartijInput;
  resolved: Resolved;
  /** Stands for the partij in the plans of its identificatoren until it is written. */
  partij: NewPartij;
  identificatoren: PlannedIdentificatoren | null;
}

/** The identificatoren a partij write plans; `ready` when the list itself is sound (no duplicates or unknown references), so that the registry's rules can judge it. */
interface PlannedIdentificatoren {
  plans: IdentificatorPlan[];
  removed: PartijIdentificator[];
  ready: boolean;
}

/** Everything a partij input refers to, resolved before anything is checked or written. */
interface Resolved {
  werkteVoorPartij: Partij | null | undefined;
  digitaleAdressen: Array<DigitaalAdres | null> | undefined;
  rekeningnummers: Array<Rekeningnummer | null> | undefined;
  voorkeursDigitaalAdres: DigitaalAdres | null | undefined;
  voorkeursRekeningnummer: Rekeningnummer | null | undefined;
  identificatoren: Array<PartijIdentificator | null>;
  subIdentificatoren: Array<PartijIdentificator | null>;
}

export class PartijService {
  /** The only way to Partij rows: every read applies `visibleCondition` and reports to the audit. */
  private readonly gate: EntityGate<Partij>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate(ctx, Partij, {
      visible: () => this.visibleCondition(),
      // by id, like the rows under a partij: the flush then finds every one's BSN in one lookup
      onRead: (rows) => this.auditUnder(rows),
    });
  }

  private get identificatoren() {
    return this.ctx.service(PartijIdentificatorService);
  }

  /**
   * The partijen this request may see. A citizen-bound token sees its own partij only (geheimhouding
   * protects a person from staff, not from himself); others see every partij except those with
   * indicatieGeheimhouding = true unless they have geheimhouding.lezen.
   */
  private visibleCondition(): FilterQuery<Partij> | undefined {
    const burger = this.burgerPartijIds();
    if (burger) return { id: { $in: burger } } as unknown as FilterQuery<Partij>;
    if (hasScope(this.ctx.principal, "geheimhouding.lezen")) return undefined;
    return { $or: [{ indicatieGeheimhouding: null }, { indicatieGeheimhouding: false }] };
  }

  /** Reading partijen (root fields, relations, `_entities`) needs partijen.lezen; refused before SQL. */
  private readable(): void {
    requireAreaScope(this.ctx, "partijen", "lezen");
  }

  /** The visible partij with this uuid, or null (root field and federation references, batched). */
  byUuid(uuid: string): Promise<Partij | null> {
    this.readable();
    return this.gate.byUuid(uuid);
  }

  /** The visible partij with this storage id, or null (batched). */
  byId(id: number): Promise<Partij | null> {
    this.readable();
    return this.gate.byId(id);
  }

  /** The partij a relation of another entity points at (Betrokkene.wasPartij, ...); null when absent or not visible. */
  related(ref: { id: number } | null | undefined): Promise<Partij | null> {
    this.readable();
    return this.gate.related(ref);
  }

  /**
   * The partij a required relation points at (Vertegenwoordiging's partijen). The policies are
   * consistent (such a row is only visible when its partijen are), so it is always there.
   */
  required(ref: { id: number }, owner: BaseEntity): Promise<Partij> {
    this.readable();
    return this.gate.required(ref, owner);
  }

  /**
   * A partij named in an input (`wasPartij: "<uuid>"`): "does_not_exist" on `field` unless it is
   * visible to this request. Needs no partijen.lezen: the write's own scope decides whether the
   * write may be made, and the visibility rules whether this partij may be named in it; answering
   * does_not_exist for an invisible one reveals nothing.
   */
  reference(uuid: string | null | undefined, field: string, problems: InvalidParams): Promise<Partij | null | undefined> {
    return this.gate.reference(uuid, field, problems);
  }

  /**
   * The condition under which a row that hangs under a partij through `foreignKey` is visible: its
   * partij is. A row under no partij is visible to staff, never to a citizen-bound token (it is
   * nobody's own). Undefined when every row is visible (staff with geheimhouding.lezen). The same
   * rule for identificatoren, digitale adressen and rekeningnummers, so that they are consistent.
   */
  visibleUnder<T>(foreignKey: string): FilterQuery<T> | undefined {
    const principal = this.ctx.principal;
    const burger = isBurger(principal);
    if (!burger && hasScope(principal, "geheimhouding.lezen")) return undefined;
    const ofVisiblePartij = { [foreignKey]: { $in: this.visibleIds() } } as unknown as FilterQuery<T>;
    return burger ? ofVisiblePartij : ({ $or: [{ [foreignKey]: null }, ofVisiblePartij] } as unknown as FilterQuery<T>);
  }

  /** Reports the partijen of rows read under them to the audit log (by id: no statement now). */
  auditUnder(partijRefs: ReadonlyArray<{ id: number } | null | undefined>, soort: AuditSoort = AuditSoort.LEZEN): void {
    for (const ref of partijRefs) if (ref) this.ctx.audit.record({ partijId: ref.id }, soort);
  }

  /**
   * The visible partij with this uuid for checking an input that names it (no read scope needed,
   * see `reference`); null when there is none or it is not visible.
   */
  findForInput(uuid: string): Promise<Partij | null> {
    return this.gate.byUuid(uuid);
  }

  /**
   * `select id from partij where <visible>`: for the policies of entities that hang under a partij
   * (a betrokkene is visible only when its partij is). Costs no statement of its own.
   */
  visibleIds(): Knex.QueryBuilder {
    return this.gate.subquery("id", {});
  }

  /**
   * The ids of the citizen's own partij (a sub-query through its BSN, or KvK-nummer and
   * vestigingsnummer, identificator), or undefined when the principal is not citizen-bound.
   */
  burgerPartijIds(): Knex.QueryBuilder | undefined {
    const { burger } = this.ctx.principal;
    return burger ? this.identificatoren.partijIdsVanBurger(burger) : undefined;
  }

  /**
   * The ids of the visible partijen with an identificator that matches `condition` (the
   * wasPartijIdentificator filters). A condition on objectId needs identificatoren.lezen (FORBIDDEN
   * before SQL): otherwise the filter would tell who has a given BSN.
   */
  identificatorPartijIds(condition: FilterQuery<PartijIdentificator> & object): Knex.QueryBuilder {
    return this.identificatoren.partijIds(condition);
  }

  list(filter: PartijFilter | null | undefined, page: PageArgs): Promise<Connection<Partij>> {
    this.readable();
    return this.gate.page(this.where(filter), [], page);
  }

  private where(filter: PartijFilter | null | undefined): FilterQuery<Partij> {
    const conditions: FilterQuery<Partij>[] = [];
    if (!filter) return {};
    if (filter.nummer != null) conditions.push({ nummer: filter.nummer });
    if (filter.indicatieActief != null) conditions.push({ indicatieActief: filter.indicatieActief });
    if (filter.indicatieGeheimhouding != null) conditions.push({ indicatieGeheimhouding: filter.indicatieGeheimhouding });
    if (filter.soortPartij != null) conditions.push({ soortPartij: filter.soortPartij });
    for (const adres of ["bezoekadres", "correspondentieadres"] as const) {
      const given = Object.entries(filter[adres] ?? {}).filter(([, v]) => v !== null && v !== undefined);
      if (given.length) conditions.push({ [adres]: Object.fromEntries(given) } as FilterQuery<Partij>);
    }
    // partijIdentificator and subIdentificatorVan: all conditions on one identificator row (a
    // vestiging with this number under this KvK number), as one sub-query
    const groep = (f: PartijIdentificatorGroepFilter | null | undefined) =>
      Object.fromEntries(Object.entries(f ?? {}).filter(([, v]) => v !== null && v !== undefined));
    const own = groep(filter.partijIdentificator);
    const parent = groep(filter.subIdentificatorVan);
    if (Object.keys(own).length || Object.keys(parent).length) {
      this.identificatoren.checkValueFilter(parent);
      const condition = { ...own, ...(Object.keys(parent).length ? { subIdentificatorVan: parent } : {}) };
      conditions.push({ id: { $in: this.identificatoren.partijIds(condition) } } as unknown as FilterQuery<Partij>);
    }
    if (filter.categorieNaam) {
      const partijen = this.ctx.service(CategorieRelatieService).partijIdsMetCategorie(filter.categorieNaam);
      conditions.push({ id: { $in: partijen } } as unknown as FilterQuery<Partij>);
    }
    if (filter.vertegenwoordigdDoor) {
      const partijen = this.ctx.service(VertegenwoordigingService).vertegenwoordigdeIds(filter.vertegenwoordigdDoor);
      conditions.push({ id: { $in: partijen } } as unknown as FilterQuery<Partij>);
    }
    return conditions.length ? { $and: conditions } : {};
  }

  /** Internal notes are for staff: a citizen-bound token reads "". */
  interneNotitie(partij: Partij): string {
    return isBurger(this.ctx.principal) ? "" : partij.interneNotitie;
  }

  identificatie(partij: Partij) {
    return partijIdentificatie(partij);
  }

  werkteVoorPartij(contactpersoon: Contactpersoon): Promise<Partij | null> {
    return contactpersoon.werkteVoorPartijId === null ? Promise.resolve(null) : this.byId(contactpersoon.werkteVoorPartijId);
  }

  private get adressen() {
    return this.ctx.service(DigitaalAdresService);
  }

  private get rekeningen() {
    return this.ctx.service(RekeningnummerService);
  }

  digitaleAdressen(partij: Partij): Promise<DigitaalAdres[]> {
    return this.adressen.vanPartij(partij);
  }

  voorkeursDigitaalAdres(partij: Partij): Promise<DigitaalAdres | null> {
    return this.adressen.related(partij.voorkeursDigitaalAdres);
  }

  rekeningnummers(partij: Partij): Promise<Rekeningnummer[]> {
    return this.rekeningen.vanPartij(partij);
  }

  voorkeursRekeningnummer(partij: Partij): Promise<Rekeningnummer | null> {
    return this.rekeningen.related(partij.voorkeursRekeningnummer);
  }

  /** The visible partijen this partij represents (two batched statements for any number of partijen). */
  async vertegenwoordigden(partij: Partij): Promise<Partij[]> {
    const relaties = await this.ctx.service(VertegenwoordigingService).vanVertegenwoordigende(partij);
    const partijen = await Promise.all(relaties.map((r) => this.byId(r.vertegenwoordigdePartij.id)));
    return partijen.filter((p): p is Partij => p !== null);
  }

  /**
   * The value of the partij's identificator of one soort (bsn, kvkNummer, ...), for the Zaak
   * subgraph. A vestiging has no kvk_nummer of its own; its kvkNummer is that of the kvk_nummer
   * its vestigingsnummer falls under.
   */
  async identificatorWaarde(partij: Partij, soort: CodeSoortObjectId): Promise<string | null> {
    // Without identificatoren.lezen the values stay hidden (null), and no statement is sent for them.
    if (!hasScope(this.ctx.principal, "identificatoren.lezen")) return null;
    const own = await this.identificatoren.vanPartij(partij);
    const found = own.find((i) => i.codeSoortObjectId === soort);
    if (found) return found.objectId;
    if (soort === CodeSoortObjectId.KVK_NUMMER) {
      const vestiging = own.find((i) => i.codeSoortObjectId === CodeSoortObjectId.VESTIGINGSNUMMER && i.subIdentificatorVan);
      const parent = vestiging ? await this.identificatoren.subIdentificatorVan(vestiging) : null;
      if (parent?.codeSoortObjectId === CodeSoortObjectId.KVK_NUMMER) return parent.objectId;
    }
    return null;
  }

  /** Writing partijen needs partijen.schrijven, and is for staff only. */
  private writable(action: "schrijven" | "verwijderen" = "schrijven"): void {
    requireAreaScope(this.ctx, "partijen", action);
    refuseBurger(this.ctx);
  }

  async create(input: PartijInput): Promise<Partij> {
    this.writable();
    if (input.partijIdentificatoren != null) this.identificatoren.writable();
    const problems = new InvalidParams();
    const [plan] = await this.checkNew([{ input, name: (field) => field }], problems);
    problems.throwIfAny();
    const [partij] = await this.ctx.transaction(() => this.writeNew([plan]));
    return this.afterWrite(partij);
  }

  /**
   * Every rule of some new partijen (createPartij, and those that vindOfMaakPartij makes), with
   * their nested new digitale adressen and rekeningnummers; each problem is named by its item's
   * `name`, and a partij's problems stay in the order of its input. Writes nothing; the scopes
   * are the caller's. The rules that look at other rows (nummer and identificatoren unique) run
   * once for all the partijen, which also keeps two new partijen of one request from claiming the
   * same identificator or nummer: the statements do not grow with the number of partijen.
   */
  async checkNew(items: readonly NewPartijItem[], problems: InvalidParams): Promise<NewPartijPlan[]> {
    // Each partij's own rules, started together so that the lookups of each kind batch across them.
    const checked = await Promise.all(
      items.map(async ({ input }) => {
        const own = new InvalidParams();
        own.addAll(await fieldErrors(input));
        const resolved = await this.resolve(input, own);
        const partij = new NewPartij();
        const identificatoren = await this.check(partij, input, resolved, own);
        const nested = new InvalidParams();
        await this.checkNested(input, resolved, nested);
        return {
          plan: { input, resolved, partij, identificatoren },
          own,
          registry: new InvalidParams(),
          nummer: new InvalidParams(),
          nested,
        };
      }),
    );
    await this.checkNummersFree(checked.map(({ plan, nummer }) => ({ nummer: plan.input.nummer, problems: nummer })));
    const sink = new Map<IdentificatorPlan, InvalidParams>();
    for (const { plan, registry } of checked) {
      if (plan.identificatoren?.ready) for (const identificator of plan.identificatoren.plans) sink.set(identificator, registry);
    }
    if (sink.size) await this.identificatoren.check([...sink.keys()], [], problems, (identificator) => sink.get(identificator)!);
    items.forEach(({ name }, i) => {
      const { nummer, own, registry, nested } = checked[i];
      for (const found of [nummer, own, registry, nested]) problems.addAll(found.params.map((p) => ({ ...p, name: name(p.name) })));
    });
    return checked.map(({ plan }) => plan);
  }

  /**
   * A new partij's nummer is unique: not stored, and not given to an earlier new partij of the
   * same write. One statement for all of them, past the gate (the rule holds for the whole registry).
   */
  private async checkNummersFree(items: ReadonlyArray<{ nummer: string | null | undefined; problems: InvalidParams }>): Promise<void> {
    const given = [...new Set(items.flatMap(({ nummer }) => (nummer ? [nummer] : [])))];
    if (given.length === 0) return;
    const stored = await this.ctx.em
      .createQueryBuilder(Partij)
      .select("nummer")
      .where({ nummer: { $in: given } })
      .execute<Array<{ nummer: string }>>("all");
    const taken = new Set(stored.map((row) => row.nummer));
    for (const { nummer, problems } of items) {
      if (!nummer) continue;
      if (taken.has(nummer)) problems.add("nummer", "unique", NUMMER_NIET_UNIEK);
      taken.add(nummer);
    }
  }

  /** nieuweDigitaleAdressen and nieuweRekeningnummers of a new partij, and the voorkeur chosen among them by index. */
  private async checkNested(input: PartijInput, resolved: Resolved, problems: InvalidParams): Promise<void> {
    const nieuweAdressen = input.nieuweDigitaleAdressen ?? [];
    const nieuweRekeningnummers = input.nieuweRekeningnummers ?? [];
    await Promise.all([
      ...nieuweAdressen.map((adres, i) => this.adressen.checkNested(adres, path("nieuweDigitaleAdressen", i), problems)),
      ...nieuweRekeningnummers.map((nummer, i) => this.rekeningen.checkNested(nummer, path("nieuweRekeningnummers", i), problems)),
    ]);
    const index = (field: string, value: number | null | undefined, length: number, byUuid: string | null | undefined) => {
      if (value === undefined || value === null) return;
      if (byUuid != null) problems.add(field, "invalid", "Geef de voorkeur op met uuid of met index, niet met beide.");
      else if (!Number.isInteger(value) || value < 0 || value >= length)
        problems.add(field, "invalid", "Er staat geen nieuw adres of rekeningnummer op deze positie in de lijst.");
    };
    index("voorkeursDigitaalAdresIndex", input.voorkeursDigitaalAdresIndex, nieuweAdressen.length, input.voorkeursDigitaalAdres);
    index("voorkeursRekeningnummerIndex", input.voorkeursRekeningnummerIndex, nieuweRekeningnummers.length, input.voorkeursRekeningnummer);
    // One standaard adres per soort, among the linked and the new ones together.
    const standaard = [
      ...(resolved.digitaleAdressen ?? []).filter((a) => a?.isStandaardAdres).map((a) => a!.soortDigitaalAdres),
      ...nieuweAdressen.filter((a) => a.isStandaardAdres).map((a) => a.soortDigitaalAdres),
    ];
    if (nieuweAdressen.length && new Set(standaard).size < standaard.length) {
      problems.add("nieuweDigitaleAdressen", "unique", "Een partij kan per soort digitaal adres maar één standaard adres hebben.");
    }
  }

  /**
   * Writes checked new partijen in the open transaction, with their identificatoren, the addresses
   * and accounts they take over, and their nested new rows. Each step handles all the partijen at
   * once and the flushes insert (or update) each table's rows in one statement, so the statements
   * do not grow with the number of partijen.
   */
  async writeNew(plans: readonly NewPartijPlan[]): Promise<Partij[]> {
    const em = this.ctx.em;
    // Nobody else sees the new partijen before commit; the partijen they take addresses from do.
    await this.lockOwners(
      [],
      plans.flatMap((plan) => listed(plan.resolved)),
    );
    const partijen = plans.map((plan) => {
      const partij = em.create(Partij, { soortPartij: plan.input.soortPartij, indicatieActief: plan.input.indicatieActief } as never);
      this.assign(partij, plan.input, plan.resolved);
      plan.partij.entity = partij;
      return partij;
    });
    await em.flush();
    await this.takeOver(plans.map((plan, i) => ({ partij: partijen[i], resolved: plan.resolved })));
    const nested = plans.map(({ input }, i) => ({
      adressen: (input.nieuweDigitaleAdressen ?? []).map((adres) => this.adressen.buildNested(adres, { partij: partijen[i] })),
      rekeningnummers: (input.nieuweRekeningnummers ?? []).map((nummer) => this.rekeningen.buildNested(nummer, partijen[i])),
    }));
    // Its flushes insert the nested rows too (the partijen exist by now).
    await this.identificatoren.write(
      plans.flatMap((plan) => plan.identificatoren?.plans ?? []),
      [],
    );
    plans.forEach(({ input, resolved }, i) => {
      const partij = partijen[i];
      // A voorkeur by uuid is one of the rows just taken over, which this transaction's UPDATE holds
      // locked until commit: unlike on update (see write), no move can overtake it.
      if (input.voorkeursDigitaalAdres != null) partij.voorkeursDigitaalAdres = resolved.voorkeursDigitaalAdres ?? null;
      if (input.voorkeursRekeningnummer != null) partij.voorkeursRekeningnummer = resolved.voorkeursRekeningnummer ?? null;
      if (input.voorkeursDigitaalAdresIndex != null) partij.voorkeursDigitaalAdres = nested[i].adressen[input.voorkeursDigitaalAdresIndex];
      if (input.voorkeursRekeningnummerIndex != null)
        partij.voorkeursRekeningnummer = nested[i].rekeningnummers[input.voorkeursRekeningnummerIndex];
      this.ctx.audit.record({ partij: partij.uuid }, AuditSoort.SCHRIJVEN);
    });
    await em.flush();
    return partijen;
  }

  /**
   * New partijen take over the stored addresses and accounts their inputs list (from any other
   * partij, whose voorkeur they stop being): one UPDATE per table for all of them, as the flush
   * batches it, and one to clear the voorkeur of the partijen they leave.
   */
  private async takeOver(items: ReadonlyArray<{ partij: Partij; resolved: Resolved }>): Promise<void> {
    const adressen: number[] = [];
    const rekeningnummers: number[] = [];
    for (const { partij, resolved } of items) {
      for (const adres of resolved.digitaleAdressen ?? []) {
        adres!.verstrektDoorPartij = partij;
        adressen.push(adres!.id);
      }
      for (const nummer of resolved.rekeningnummers ?? []) {
        nummer!.partij = partij;
        rekeningnummers.push(nummer!.id);
      }
    }
    if (adressen.length === 0 && rekeningnummers.length === 0) return;
    await this.ctx.em.flush();
    // The new partijen prefer none of them yet (their voorkeur is set afterwards): no owner to spare.
    await this.clearVoorkeurOfOthers("digitaalAdres", adressen, null);
    await this.clearVoorkeurOfOthers("rekeningnummer", rekeningnummers, null);
  }

  /** The partij with this storage id if this request may see it, for a write's checks (no read scope needed; batched). */
  findByIdForInput(id: number): Promise<Partij | null> {
    return this.gate.byId(id);
  }

  async update(uuid: string, input: PartijUpdateInput): Promise<Partij> {
    this.writable();
    if (input.partijIdentificatoren !== undefined) this.identificatoren.writable();
    const partij = await this.gate.get(uuid);
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    const resolved = await this.resolve(input, problems);
    await checkUniqueFields(this.ctx.em, Partij, partij, { nummer: input.nummer }, () => NUMMER_NIET_UNIEK, problems);
    const plans = await this.check(partij, input, resolved, problems);
    if (plans?.ready) await this.identificatoren.check(plans.plans, plans.removed, problems);
    problems.throwIfAny();
    await this.ctx.transaction(async () => {
      await this.lockOwners([partij.id], listed(resolved));
      // what a concurrent write committed before the lock was granted (its voorkeur, say) counts
      if (!(await this.ctx.em.refresh(partij))) throw new NotFoundError(Partij.name, uuid);
      await this.write(partij, input, resolved, plans);
      this.ctx.audit.record({ partij: partij.uuid }, AuditSoort.SCHRIJVEN);
    });
    return this.afterWrite(partij);
  }

  /**
   * Links were written with plain UPDATE statements, which the identity map does not see: the
   * result is read afresh, so that its relation fields show what is stored.
   */
  private afterWrite(partij: Partij): Partij {
    this.ctx.em.clear();
    return partij;
  }

  /**
   * Deleting a partij deletes its identificatoren, adressen, rekeningnummers, betrokkenen and
   * vertegenwoordigingen (ON DELETE CASCADE), but not while another partij's vestigingsnummer
   * (or one without partij) falls under one of its identificatoren.
   */
  async delete(uuid: string): Promise<string> {
    this.writable("verwijderen");
    const partij = await this.gate.get(uuid);
    const dependants = await this.identificatoren.dependantsOfOthers(partij);
    if (dependants.length) {
      // the values only for who may see them: the message must not tell an identificator's value
      const values = hasScope(this.ctx.principal, "identificatoren.lezen") ? ` (${dependants.map((d) => d.objectId).join(", ")})` : "";
      throw InvalidInputError.of(
        "nonFieldErrors",
        "protected",
        `Deze partij kan niet verwijderd worden: andere identificatoren${values} vallen onder een identificator van deze partij.`,
      );
    }
    // Recorded by BSN while the partij still has one: after the delete nothing leads to it.
    const bsn = (await this.identificatoren.vanPartijVoorWijziging(partij)).find((i) => i.codeSoortObjectId === CodeSoortObjectId.BSN);
    const em = this.ctx.em;
    await this.ctx.transaction(async () => {
      // Its own vestigingen let go of its own kvk_nummer first: that foreign key is RESTRICT.
      await em.nativeUpdate(
        PartijIdentificator,
        { identificeerdePartij: partij.id, subIdentificatorVan: { $ne: null } },
        { subIdentificatorVan: null },
      );
      await em.nativeDelete(Partij, { id: partij.id });
      this.ctx.audit.record(bsn ? { bsn: bsn.objectId } : { partij: partij.uuid }, AuditSoort.VERWIJDEREN);
    });
    return partij.uuid;
  }

  /**
   * Serializes the writes that change a partij's digitale adressen or rekeningnummers, which of
   * them is standaard, or its voorkeur: each holds the row lock of every partij it changes until
   * its transaction ends (one statement). Without it two requests that each "switch the others
   * off, then switch mine on" both see no other, and one fails on the unique index with a false
   * "Deze gegevens bestaan al"; and a voorkeur could be chosen while its address moves away.
   */
  async lock(ids: Array<number | null | undefined>): Promise<void> {
    const wanted = [...new Set(ids.filter((id): id is number => id != null))];
    if (wanted.length) await this.ctx.lock(Partij, { id: { $in: wanted } });
  }

  /**
   * For a write that moves addresses or accounts: locks the partijen `ids` and the partijen that
   * `rows` belong to, then reads those rows again, so that the write decides on their state under
   * the lock rather than on what was read before. Should one have moved to yet another partij
   * before the locks were granted (a concurrent move of the same row), that partij is locked too.
   * One statement for the locks and one per kind of row, unless such a move happened.
   */
  async lockOwners(ids: Array<number | null | undefined>, rows: Array<DigitaalAdres | Rekeningnummer>): Promise<void> {
    const locked = new Set<number>();
    let wanted = [...ids, ...rows.map(ownerOf)];
    for (;;) {
      const missing = wanted.filter((id): id is number => id != null && !locked.has(id));
      if (missing.length === 0) return;
      await this.lock(missing);
      for (const id of missing) locked.add(id);
      if (rows.length === 0) return;
      await this.readAgain(rows);
      wanted = rows.map(ownerOf);
    }
  }

  /** Refreshes the managed rows from the database (one statement per entity); NOT_FOUND if one is gone. */
  private async readAgain(rows: Array<DigitaalAdres | Rekeningnummer>): Promise<void> {
    await this.adressen.readAgain(rows.filter((row): row is DigitaalAdres => row instanceof DigitaalAdres));
    await this.rekeningen.readAgain(rows.filter((row): row is Rekeningnummer => row instanceof Rekeningnummer));
  }

  /**
   * The voorkeur rule: a partij's voorkeursDigitaalAdres and voorkeursRekeningnummer are always
   * one of its own, so that an answer never goes to somebody else's address. Moving an address or
   * account to another partij (or unlinking it) is a legitimate correction, so it is allowed and
   * clears the voorkeur of the partij it leaves; the partij it joins does not prefer it unless it
   * says so. Called after the rows with `ids` moved to `owner` (null: to no partij), in the same
   * transaction: it comes after the move, so a partij that chose one of them concurrently (it
   * locks the chosen row, see write) has committed by now and is cleared too.
   */
  async clearVoorkeurOfOthers(kind: "digitaalAdres" | "rekeningnummer", ids: number[], owner: number | null): Promise<void> {
    if (ids.length === 0) return;
    const field = kind === "digitaalAdres" ? "voorkeursDigitaalAdres" : "voorkeursRekeningnummer";
    const where = { [field]: { $in: ids }, ...(owner !== null ? { id: { $ne: owner } } : {}) } as FilterQuery<Partij>;
    await this.ctx.em.nativeUpdate(Partij, where, { [field]: null });
  }

  /** Looks up every uuid the input names, batched per entity. */
  private async resolve(input: PartijInput | PartijUpdateInput, problems: InvalidParams): Promise<Resolved> {
    const items = input.partijIdentificatoren ?? [];
    // Each service looks up what this request may see of its rows, batched per entity; a text
    // that is no uuid finds nothing.
    type Lookup<T> = { findForInput(uuid: string): Promise<T | null> };
    const many = <T>(service: Lookup<T>, uuids: string[] | null | undefined) =>
      uuids === undefined ? Promise.resolve(undefined) : Promise.all((uuids ?? []).map((u) => service.findForInput(u)));
    const one = <T>(service: Lookup<T>, uuid: string | null | undefined) =>
      uuid === undefined || uuid === null ? Promise.resolve(uuid) : service.findForInput(uuid);
    const identificatoren = this.identificatoren;

    const [werkteVoorPartij, digitaleAdressen, rekeningnummers, voorkeursDigitaalAdres, voorkeursRekeningnummer, ids, subs] =
      await Promise.all([
        one<Partij>(this, input.partijIdentificatie?.werkteVoorPartij),
        many<DigitaalAdres>(this.adressen, input.digitaleAdressen),
        many<Rekeningnummer>(this.rekeningen, input.rekeningnummers),
        one<DigitaalAdres>(this.adressen, input.voorkeursDigitaalAdres),
        one<Rekeningnummer>(this.rekeningen, input.voorkeursRekeningnummer),
        Promise.all(items.map((item) => (item.uuid ? identificatoren.findForInput(item.uuid) : null))),
        Promise.all(items.map((item) => (item.subIdentificatorVan ? identificatoren.findForInput(item.subIdentificatorVan) : null))),
      ]);

    const missing = (name: string, what: string, uuid: string) =>
      problems.add(name, "does_not_exist", `${what} object met uuid ${uuid} bestaat niet.`);
    if (input.partijIdentificatie?.werkteVoorPartij && !werkteVoorPartij) {
      missing("partijIdentificatie.werkteVoorPartij", "Partij", input.partijIdentificatie.werkteVoorPartij);
    }
    for (const [i, a] of (digitaleAdressen ?? []).entries()) {
      if (!a) missing(path("digitaleAdressen", i), "DigitaalAdres", input.digitaleAdressen![i]);
    }
    for (const [i, r] of (rekeningnummers ?? []).entries()) {
      if (!r) missing(path("rekeningnummers", i), "Rekeningnummer", input.rekeningnummers![i]);
    }
    if (input.voorkeursDigitaalAdres && !voorkeursDigitaalAdres) {
      missing("voorkeursDigitaalAdres", "DigitaalAdres", input.voorkeursDigitaalAdres);
    }
    if (input.voorkeursRekeningnummer && !voorkeursRekeningnummer) {
      missing("voorkeursRekeningnummer", "Rekeningnummer", input.voorkeursRekeningnummer);
    }
    items.forEach((item, i) => {
      if (item.uuid && !ids[i]) missing(path("partijIdentificatoren", i, "uuid"), "PartijIdentificator", item.uuid);
      if (item.subIdentificatorVan && !subs[i]) {
        missing(path("partijIdentificatoren", i, "subIdentificatorVan"), "PartijIdentificator", item.subIdentificatorVan);
      }
    });
    return {
      werkteVoorPartij,
      digitaleAdressen,
      rekeningnummers,
      voorkeursDigitaalAdres,
      voorkeursRekeningnummer,
      identificatoren: ids,
      subIdentificatoren: subs,
    };
  }

  /**
   * The rules of model.md 2.1 and open-klant.md 2.2 on one partij (stored, or new); returns the
   * planned identificatoren, which the caller judges against the registry (nummer too: for new
   * partijen both at once, see checkNew).
   */
  private async check(
    owner: Partij | NewPartij,
    input: PartijInput | PartijUpdateInput,
    resolved: Resolved,
    problems: InvalidParams,
  ): Promise<PlannedIdentificatoren | null> {
    const partij = owner instanceof Partij ? owner : null;
    const soort = input.soortPartij ?? partij!.soortPartij;

    const identificatie = input.partijIdentificatie;
    if (identificatie) {
      const notFor = (field: string, soorten: string) =>
        problems.add(path("partijIdentificatie", field), "invalid", `Dit veld hoort alleen bij soortPartij ${soorten}.`);
      if (identificatie.naam != null && soort !== SoortPartij.ORGANISATIE) notFor("naam", "'organisatie'");
      if (identificatie.contactnaam != null && soort === SoortPartij.ORGANISATIE) notFor("contactnaam", "'persoon' of 'contactpersoon'");
      if (identificatie.werkteVoorPartij != null && soort !== SoortPartij.CONTACTPERSOON) notFor("werkteVoorPartij", "'contactpersoon'");
      const organisatie = resolved.werkteVoorPartij;
      if (organisatie && soort === SoortPartij.CONTACTPERSOON) {
        const itsSoort = organisatie === partij ? soort : organisatie.soortPartij;
        if (itsSoort !== SoortPartij.ORGANISATIE) {
          problems.add("partijIdentificatie.werkteVoorPartij", "invalid", "Partij object moet het soort 'organisatie' hebben.");
        }
      }
    }

    // voorkeurs: must be one of the linked ones (those sent, or else those linked now)
    const voorkeur = async <T extends { id: number }>(
      listName: string,
      name: string,
      listed: Array<T | null> | undefined,
      current: () => Promise<T[]>,
      chosen: T | null | undefined,
      notLinked: string,
    ) => {
      if (!chosen) return;
      const linked = listed !== undefined ? listed.filter((x): x is T => x !== null) : partij ? await current() : [];
      if (linked.length === 0) {
        problems.add(name, "invalid", `${name} mag niet meegegeven worden als ${listName} leeg is.`);
      } else if (!linked.some((x) => x.id === chosen.id)) {
        problems.add(name, "invalid", notLinked);
      }
    };
    await voorkeur(
      "digitaleAdressen",
      "voorkeursDigitaalAdres",
      resolved.digitaleAdressen,
      () => this.adressen.vanPartijVoorWijziging(partij!),
      resolved.voorkeursDigitaalAdres,
      VOORKEURS_ADRES_NIET_GELINKT,
    );
    await voorkeur(
      "rekeningnummers",
      "voorkeursRekeningnummer",
      resolved.rekeningnummers,
      () => this.rekeningen.vanPartijVoorWijziging(partij!),
      resolved.voorkeursRekeningnummer,
      VOORKEURSREKENINGNUMMER_NIET_GELINKT,
    );

    // Linked addresses keep the DigitaalAdres rules: one standaard adres and one referentie per soort.
    const adressen = (resolved.digitaleAdressen ?? []).filter((a): a is DigitaalAdres => a !== null);
    const standaard = adressen.filter((a) => a.isStandaardAdres).map((a) => a.soortDigitaalAdres);
    if (new Set(standaard).size < standaard.length) {
      problems.add("digitaleAdressen", "unique", "Een partij kan per soort digitaal adres maar één standaard adres hebben.");
    }
    const referenties = adressen.filter((a) => a.referentie !== "").map((a) => `${a.soortDigitaalAdres}:${a.referentie}`);
    if (new Set(referenties).size < referenties.length) {
      problems.add("digitaleAdressen", "unique", "Een partij kan per soort digitaal adres een referentie maar één keer gebruiken.");
    }

    if (input.partijIdentificatoren === undefined) return null;
    return this.planIdentificatoren(owner, input.partijIdentificatoren ?? [], resolved, problems);
  }

  /**
   * The nested partijIdentificatoren (model.md 2.1): an item with uuid updates that identificator
   * and attaches it to this partij, one without creates one; on update the partij's
   * identificatoren that are not listed are deleted.
   */
  private async planIdentificatoren(
    owner: Partij | NewPartij,
    items: PartijIdentificatorItemInput[],
    resolved: Resolved,
    problems: InvalidParams,
  ): Promise<PlannedIdentificatoren> {
    const itemProblems = () => problems.params.filter((p) => p.name.startsWith("partijIdentificatoren")).length;
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const uuid = item.uuid?.toLowerCase();
      if (!uuid) return;
      if (seen.has(uuid))
        problems.add(path("partijIdentificatoren", i, "uuid"), "unique", "Deze identificator staat al eerder in de lijst.");
      seen.set(uuid, i);
    });
    const plans: IdentificatorPlan[] = items.map((item, i) => ({
      path: path("partijIdentificatoren", i),
      existing: resolved.identificatoren[i],
      partij: owner,
      anderePartijIdentificator: item.anderePartijIdentificator ?? "",
      ...item.partijIdentificator,
      sub: null,
    }));
    items.forEach((item, i) => {
      const name = path("partijIdentificatoren", i, "subIdentificatorVanIndex");
      if (item.subIdentificatorVanIndex != null) {
        if (item.subIdentificatorVan) {
          problems.add(name, "invalid", "Geef subIdentificatorVan of subIdentificatorVanIndex op, niet beide.");
        } else if (!Number.isInteger(item.subIdentificatorVanIndex) || !plans[item.subIdentificatorVanIndex]) {
          problems.add(name, "invalid", "Er staat geen identificator op deze positie in de lijst.");
        } else {
          plans[i].sub = { plan: plans[item.subIdentificatorVanIndex] };
        }
      } else if (resolved.subIdentificatoren[i]) {
        // A stored identificator that is also in this list is judged by its planned state.
        const row = resolved.subIdentificatoren[i]!;
        const listed = plans.find((p) => p.existing?.id === row.id);
        plans[i].sub = listed ? { plan: listed } : { row };
      }
    });
    PartijIdentificatorService.checkCycles(plans, problems);
    const current = owner instanceof Partij ? await this.identificatoren.vanPartijVoorWijziging(owner) : [];
    const removed = current.filter((row) => !plans.some((p) => p.existing?.id === row.id));
    // The registry's rules need whole plans: duplicates and unknown references come first.
    return { plans, removed, ready: itemProblems() === 0 };
  }

  /** Sets the partij's own fields from a checked input (no statement). */
  private assign(partij: Partij, input: PartijInput | PartijUpdateInput, resolved: Resolved): void {
    if (input.soortPartij != null) partij.soortPartij = input.soortPartij;
    if (input.indicatieActief != null) partij.indicatieActief = input.indicatieActief;
    if (input.nummer !== undefined) partij.nummer = input.nummer;
    if (input.interneNotitie !== undefined) partij.interneNotitie = input.interneNotitie ?? "";
    if (input.indicatieGeheimhouding !== undefined) partij.indicatieGeheimhouding = input.indicatieGeheimhouding;
    if (input.voorkeurstaal !== undefined) partij.voorkeurstaal = input.voorkeurstaal ?? "";
    if (input.bezoekadres !== undefined) partij.bezoekadres = toAdres(input.bezoekadres);
    if (input.correspondentieadres !== undefined) partij.correspondentieadres = toAdres(input.correspondentieadres);
    if (input.partijIdentificatie !== undefined) {
      // A partijIdentificatie that is sent replaces the stored one as a whole.
      const identificatie = input.partijIdentificatie;
      partij.contactnaam = toContactnaam(identificatie?.contactnaam) ?? null;
      partij.organisatienaam = identificatie?.naam ?? null;
      partij.werkteVoorPartij = resolved.werkteVoorPartij ?? null;
    }
    if (partij.soortPartij === SoortPartij.CONTACTPERSOON && !partij.contactpersoonUuid) {
      partij.contactpersoonUuid = randomUUID();
    }
  }

  /** Writes a checked update of a stored partij: its fields, its links and its identificatoren. */
  private async write(
    partij: Partij,
    input: PartijUpdateInput,
    resolved: Resolved,
    identificatoren: PlannedIdentificatoren | null,
  ): Promise<void> {
    const em = this.ctx.em;
    this.assign(partij, input, resolved);
    await em.flush();

    // Linked records: the listed ones are taken over (from any other partij, whose voorkeur they
    // stop being), the ones left out are unlinked, never deleted; an unlinked address is no
    // longer standaard, nor the voorkeur of this partij (clearVoorkeurOfOthers has the rule).
    if (resolved.digitaleAdressen !== undefined) {
      const ids = resolved.digitaleAdressen.map((a) => a!.id);
      await em.nativeUpdate(
        DigitaalAdres,
        { verstrektDoorPartij: partij.id, id: { $nin: ids } },
        { verstrektDoorPartij: null, isStandaardAdres: false },
      );
      if (ids.length) await em.nativeUpdate(DigitaalAdres, { id: { $in: ids } }, { verstrektDoorPartij: partij.id });
      await this.clearVoorkeurOfOthers("digitaalAdres", ids, partij.id);
    }
    if (resolved.rekeningnummers !== undefined) {
      const ids = resolved.rekeningnummers.map((r) => r!.id);
      await em.nativeUpdate(Rekeningnummer, { partij: partij.id, id: { $nin: ids } }, { partij: null });
      if (ids.length) await em.nativeUpdate(Rekeningnummer, { id: { $in: ids } }, { partij: partij.id });
      await this.clearVoorkeurOfOthers("rekeningnummer", ids, partij.id);
    }
    // A chosen voorkeur is checked once more, under the lock of its row: it may have moved away
    // since the check, and no move can overtake it now. One left out of the list is unlinked, so
    // no longer preferred.
    if (input.voorkeursDigitaalAdres !== undefined) {
      const chosen = resolved.voorkeursDigitaalAdres ?? null;
      if (chosen && !(await this.adressen.lockIfOf(chosen, partij))) {
        throw InvalidInputError.of("voorkeursDigitaalAdres", "invalid", VOORKEURS_ADRES_NIET_GELINKT);
      }
      partij.voorkeursDigitaalAdres = chosen;
    } else if (resolved.digitaleAdressen !== undefined && partij.voorkeursDigitaalAdres) {
      const keep = resolved.digitaleAdressen.some((a) => a!.id === partij.voorkeursDigitaalAdres!.id);
      if (!keep) partij.voorkeursDigitaalAdres = null;
    }
    if (input.voorkeursRekeningnummer !== undefined) {
      const chosen = resolved.voorkeursRekeningnummer ?? null;
      if (chosen && !(await this.rekeningen.lockIfOf(chosen, partij))) {
        throw InvalidInputError.of("voorkeursRekeningnummer", "invalid", VOORKEURSREKENINGNUMMER_NIET_GELINKT);
      }
      partij.voorkeursRekeningnummer = chosen;
    } else if (resolved.rekeningnummers !== undefined && partij.voorkeursRekeningnummer) {
      const keep = resolved.rekeningnummers.some((r) => r!.id === partij.voorkeursRekeningnummer!.id);
      if (!keep) partij.voorkeursRekeningnummer = null;
    }
    if (identificatoren) await this.identificatoren.write(identificatoren.plans, identificatoren.removed);
    await em.flush();
  }
}
