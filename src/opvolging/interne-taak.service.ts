import { keyListFor } from "../database/plain-rows";
import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import DataLoader from "dataloader";
import { requireAreaScope, requireScope, requireStaffScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import { inVolgorde, type Connection, type PageArgs, type Volgorde } from "../common/connection";
import type { RequestContext } from "../common/context";
import { InvalidInputError, InvalidParams, path } from "../common/errors";
import { identificatorCondition, TextFilters, uuidFilter } from "../common/filters";
import { EntityGate, NO_ROWS, type GatePolicy } from "../common/gate";
import { checkUniqueFields } from "../common/unique";
import { fieldErrors } from "../common/validation";
import { BetrokkeneService } from "../klantcontacten/betrokkene.service";
import type { Klantcontact } from "../klantcontacten/klantcontact.entity";
import { KlantcontactService } from "../klantcontacten/klantcontact.service";
import { DigitaalAdresService } from "../partijen/digitaal-adres.service";
import type { Partij } from "../partijen/partij.entity";
import { Actor } from "./actor.entity";
import { ActorService } from "./actor.service";
import { Taakstatus } from "./enums";
import { InterneTaak } from "./interne-taak.entity";
import { MAX_ACTOREN_IN_FILTER, type InterneTaakFilter, type InterneTaakInput, type InterneTaakUpdateInput } from "./interne-taak.input";
import { Toewijzing } from "./toewijzing.entity";

// Open Klant's texts.
const BEIDE_ACTORVELDEN = "`toegewezen_aan_actor` en `toegewezen_aan_actoren` mag niet beiden gebruikt worden.";
const GEEN_ACTORVELD = "`toegewezen_aan_actor` of `toegewezen_aan_actoren` is required (mag niet beiden gebruiken).";
/** An assignment needs someone to assign to. */
export const GEEN_ACTOREN = "Wijs de taak toe aan ten minste één actor.";
const AFGEHANDELD_OP_ZONDER_VERWERKT = "De Internetaak kan geen afgehandeld op datum bevatten als de status niet op 'verwerkt' staat.";

type Input = InterneTaakInput | InterneTaakUpdateInput;

/** Lists of taken are in the order of toegewezenOp (a forwarded task moves with its new assignment). */
const order = (volgorde: Volgorde | null | undefined) => inVolgorde("toegewezenOp", volgorde);

/** A checked write of a task: what to store, references resolved; undefined leaves a field as it is. */
export interface InterneTaakPlan {
  nummer?: string | null;
  referentienummer?: string | null;
  gevraagdeHandeling?: string;
  klantcontact?: Klantcontact;
  toelichting?: string | null;
  /** Given when the task is (re)assigned now: a forwarded task counts from its new assignment. */
  toegewezenOp?: Date;
  status: Taakstatus;
  afgehandeldOp: Date | null;
  /** Replaces the whole assignment, in this order. */
  actoren?: Actor[];
}

/**
 * Interne taken and their read gate: a taak is visible when the klantcontact that caused it is;
 * a citizen-bound principal sees none (follow-up work is internal).
 */
export class InterneTaakService {
  private readonly gate: EntityGate<InterneTaak>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate(ctx, InterneTaak, this.policy());
  }

  private policy(): GatePolicy<InterneTaak> {
    return {
      visible: () => {
        if (isBurger(this.ctx.principal)) return NO_ROWS as FilterQuery<InterneTaak>;
        const klantcontacten = this.ctx.service(KlantcontactService).visibleIds();
        return klantcontacten
          ? ({ aanleidinggevendKlantcontact: { $in: klantcontacten } } as unknown as FilterQuery<InterneTaak>)
          : undefined;
      },
    };
  }

  private mayRead(): void {
    requireAreaScope(this.ctx, "opvolging", "lezen");
  }

  byUuid(uuid: string): Promise<InterneTaak | null> {
    this.mayRead();
    return this.gate.byUuid(uuid);
  }

  /** The task with this uuid for a write (found by visibility, like a reference); NOT_FOUND when none is visible. */
  forWrite(uuid: string): Promise<InterneTaak> {
    return this.gate.get(uuid);
  }

  list(
    filter: InterneTaakFilter | null | undefined,
    volgorde: Volgorde | null | undefined,
    page: PageArgs,
  ): Promise<Connection<InterneTaak>> {
    this.mayRead();
    return this.gate.page(this.where(filter), order(volgorde), page);
  }

  /**
   * Ids of the klantcontacten that led to a visible taak (with this status, when given): the
   * heeftInterneTaak and interneTaakStatus filters of klantcontacten.
   */
  klantcontactIdsMetTaak(status?: Taakstatus): Knex.QueryBuilder {
    if (!status) return this.gate.subquery("aanleidinggevendKlantcontact", {});
    // A task's status is its content: only for who may read taken.
    this.mayRead();
    return this.gate.subquery("aanleidinggevendKlantcontact", { status });
  }

  /**
   * Actor.interneTaken: the taken assigned to an actor, one page per actor for all actors in the
   * request in one SQL statement (through the toewijzingen).
   */
  vanActor(
    actor: Actor,
    filter: InterneTaakFilter | null | undefined,
    volgorde: Volgorde | null | undefined,
    page: PageArgs,
  ): Promise<Connection<InterneTaak>> {
    this.mayRead();
    const where = this.where(filter);
    const key = `InterneTaak:perActor:${JSON.stringify([filter ?? null, volgorde ?? null, page.first ?? null, page.after ?? null])}`;
    const loader = this.ctx.loader(
      key,
      () =>
        new DataLoader<number, Connection<InterneTaak>>(async (actorIds) => {
          // Toewijzing is this entity's own link table; a pair is unique (one toewijzing per actor and taak).
          const keyList = keyListFor(this.ctx.em.getPlatform());
          const links = this.ctx.em
            .getKnex()
            .from({ tw: "toewijzing" })
            .select({ row_id: "tw.interne_taak_id", page_key: "tw.actor_id" })
            .whereRaw(keyList.sql("tw.actor_id", "integer"), [keyList.binding(actorIds)]);
          const keys = actorIds.map(String);
          const pages = await this.gate.pagesPerKey(links, "integer", keys, where, order(volgorde), page);
          return keys.map((k) => pages.get(k)!);
        }),
    );
    return loader.load(actor.id);
  }

  /**
   * The taken that klantcontacten with this partij as betrokkene led to, newest first: one page per
   * partij for all partijen in the request, in one SQL statement (the open taken of a klantbeeld).
   */
  vanPartij(
    partij: Partij,
    filter: InterneTaakFilter | null | undefined,
    volgorde: Volgorde | null | undefined,
    page: PageArgs,
  ): Promise<Connection<InterneTaak>> {
    this.mayRead();
    const where = this.where(filter);
    const key = `InterneTaak:perPartij:${JSON.stringify([filter ?? null, volgorde ?? null, page.first ?? null, page.after ?? null])}`;
    const loader = this.ctx.loader(
      key,
      () =>
        new DataLoader<number, Connection<InterneTaak>>(async (partijIds) => {
          const klantcontactLinks = this.ctx.service(BetrokkeneService).klantcontactLinksPerPartij(partijIds).as("kb");
          const links = this.ctx.em
            .getKnex()
            .from({ t: "interne_taak" })
            .join(klantcontactLinks, "kb.row_id", "t.aanleidinggevend_klantcontact_id")
            .distinct({ row_id: "t.id", page_key: "kb.page_key" });
          const keys = partijIds.map(String);
          const pages = await this.gate.pagesPerKey(links, "integer", keys, where, order(volgorde), page);
          return keys.map((k) => pages.get(k)!);
        }),
    );
    return loader.load(partij.id);
  }

  private where(filter: InterneTaakFilter | null | undefined): FilterQuery<InterneTaak> {
    const em = this.ctx.em;
    const where: Record<string, unknown> = {};
    const and: Array<Record<string, unknown>> = [];
    if (filter?.nummer) where.nummer = filter.nummer;
    if (filter?.referentienummer) where.referentienummer = filter.referentienummer;
    if (filter?.status) where.status = filter.status;
    if (filter?.statussen) and.push({ status: { $in: filter.statussen } });
    if (filter?.toegewezenOp) where.toegewezenOp = filter.toegewezenOp;
    const toegewezenOp: Record<string, Date> = {};
    if (filter?.toegewezenNa) toegewezenOp.$gt = filter.toegewezenNa;
    if (filter?.toegewezenVoor) toegewezenOp.$lt = filter.toegewezenVoor;
    if (Object.keys(toegewezenOp).length) and.push({ toegewezenOp });
    const klantcontact: Record<string, unknown> = {};
    if (filter?.aanleidinggevendKlantcontact) klantcontact.uuid = uuidFilter(filter.aanleidinggevendKlantcontact);
    if (filter?.klantcontactNummer) klantcontact.nummer = filter.klantcontactNummer;
    if (filter?.klantcontactReferentienummer) klantcontact.referentienummer = filter.klantcontactReferentienummer;
    if (Object.keys(klantcontact).length) {
      const klantcontacten = this.ctx.service(KlantcontactService).idsWhere(klantcontact as FilterQuery<Klantcontact>);
      and.push({ aanleidinggevendKlantcontact: { $in: klantcontacten } });
    }
    if (filter?.betrokkeneDigitaalAdres) {
      // Whose number this is, is the klantcontact's data: no probing with opvolging.lezen alone.
      requireScope(this.ctx, "klantcontacten.lezen");
      const klantcontacten = this.ctx.service(DigitaalAdresService).klantcontactIdsMetBetrokkeneAdres(filter.betrokkeneDigitaalAdres);
      and.push({ aanleidinggevendKlantcontact: { $in: klantcontacten } });
    }
    // Conditions on "any assigned actor" are subqueries, so a task with several actors appears once.
    // The actor conditions hold for one and the same assigned actor.
    const actor: Array<FilterQuery<Actor>> = [];
    if (filter?.toegewezenAanActor) actor.push({ uuid: uuidFilter(filter.toegewezenAanActor) });
    if (filter?.toegewezenAanActoren) actor.push({ uuid: { $in: this.actorUuids(filter.toegewezenAanActoren) } });
    const actoridentificator = identificatorCondition(filter?.actoridentificator);
    if (actoridentificator) actor.push({ actoridentificator } as FilterQuery<Actor>);
    if (filter?.actorNaam) actor.push(new TextFilters(em, Actor).icontains("naam", filter.actorNaam));
    if (actor.length) {
      const actoren = this.ctx.service(ActorService).idsWhere({ $and: actor });
      // Toewijzing is this entity's own link table (no gate of its own): its rows are only ever read here.
      const toegewezen = em
        .createQueryBuilder(Toewijzing, "tw")
        .select("tw.interne_taak_id")
        .where({ actor: { $in: actoren } });
      and.push({ id: { $in: toegewezen.getKnexQuery() } });
    }
    if (and.length) where.$and = and;
    return where as FilterQuery<InterneTaak>;
  }

  /** The uuids of a toegewezenAanActoren filter as stored; refused beyond MAX_ACTOREN_IN_FILTER. */
  private actorUuids(uuids: readonly string[]): string[] {
    if (uuids.length > MAX_ACTOREN_IN_FILTER) {
      throw InvalidInputError.of("filter.toegewezenAanActoren", "max_length", `Geef ten hoogste ${MAX_ACTOREN_IN_FILTER} actoren.`);
    }
    return uuids.map(uuidFilter);
  }

  /** The actors of a task in the order they were given (batched over all tasks in the request). */
  toegewezenAanActoren(taak: InterneTaak): Promise<Actor[]> {
    return this.ctx.service(ActorService).vanTaak(taak);
  }

  async toegewezenAanActor(taak: InterneTaak): Promise<Actor | null> {
    return (await this.toegewezenAanActoren(taak))[0] ?? null;
  }

  aanleidinggevendKlantcontact(taak: InterneTaak): Promise<Klantcontact> {
    return this.ctx.service(KlantcontactService).required(taak.aanleidinggevendKlantcontact, taak);
  }

  /** The taken a klantcontact led to (batched over all klantcontacten in the request). */
  vanKlantcontact(klantcontact: Klantcontact): Promise<InterneTaak[]> {
    this.mayRead();
    return this.gate.children("aanleidinggevendKlantcontact", klantcontact.id);
  }

  async create(input: InterneTaakInput): Promise<InterneTaak> {
    requireStaffScope(this.ctx, "opvolging", "schrijven");
    return this.write(null, input);
  }

  async update(uuid: string, input: InterneTaakUpdateInput): Promise<InterneTaak> {
    requireStaffScope(this.ctx, "opvolging", "schrijven");
    const taak = await this.gate.get(uuid);
    return this.write(taak, input);
  }

  /** Deleting a task deletes its toewijzingen (the database cascades), not the actors. */
  async delete(uuid: string): Promise<string> {
    requireStaffScope(this.ctx, "opvolging", "verwijderen");
    const taak = await this.gate.get(uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(InterneTaak, { id: taak.id }));
    return taak.uuid;
  }

  /** Checks the whole input against the task as it would become, then writes it (or nothing). */
  private async write(current: InterneTaak | null, input: Input): Promise<InterneTaak> {
    const { problems, plan } = await this.check(current, input);
    problems.throwIfAny();
    return this.ctx.transaction(async () => {
      const taak = await this.apply(current, plan);
      await this.ctx.em.flush();
      return taak;
    });
  }

  /**
   * Every rule of a new (current null) or changed task; returns the problems and what to store.
   * Writes nothing, so a workflow can check all its parts before it writes any.
   */
  private async check(current: InterneTaak | null, input: Input): Promise<{ problems: InvalidParams; plan: InterneTaakPlan }> {
    // An empty number is "no number" (KISS sends nummer: ""); checked on a copy, the input stays as given.
    const nummer = input.nummer === "" ? null : input.nummer;
    const referentienummer = input.referentienummer === "" ? null : input.referentienummer;
    const normalised = Object.assign(Object.create(Object.getPrototypeOf(input)) as Input, input, { nummer, referentienummer });

    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(normalised));
    await checkUniqueFields(
      this.ctx.em,
      InterneTaak,
      current,
      { nummer, referentienummer },
      (field) => `Er bestaat al een interne taak met eenzelfde ${field}.`,
      problems,
    );

    const [klantcontact, actoren] = await Promise.all([
      this.ctx.service(KlantcontactService).reference(input.aanleidinggevendKlantcontact, "aanleidinggevendKlantcontact", problems),
      this.actoren(input, current === null, problems),
    ]);

    const status = (input.status ?? current?.status) as Taakstatus;
    const afgehandeldOp = this.afgehandeldOp(current, status, input.afgehandeldOp, problems);
    const plan: InterneTaakPlan = {
      nummer,
      referentienummer,
      gevraagdeHandeling: input.gevraagdeHandeling ?? undefined,
      klantcontact: klantcontact ?? undefined,
      toelichting: input.toelichting,
      status,
      afgehandeldOp,
      actoren,
    };
    return { problems, plan };
  }

  /**
   * Stores a checked plan on the task (a new one when `current` is null): persisted, not flushed.
   * Given actors replace the whole assignment.
   */
  async apply(current: InterneTaak | null, plan: InterneTaakPlan): Promise<InterneTaak> {
    const taak = current ?? this.ctx.em.create(InterneTaak, { toegewezenOp: new Date() } as never);
    if (plan.nummer !== undefined) taak.nummer = plan.nummer;
    if (plan.referentienummer !== undefined) taak.referentienummer = plan.referentienummer;
    if (plan.gevraagdeHandeling !== undefined) taak.gevraagdeHandeling = plan.gevraagdeHandeling;
    if (plan.klantcontact) taak.aanleidinggevendKlantcontact = plan.klantcontact;
    if (plan.toelichting !== undefined) taak.toelichting = plan.toelichting ?? "";
    if (plan.toegewezenOp) taak.toegewezenOp = plan.toegewezenOp;
    taak.status = plan.status;
    taak.afgehandeldOp = plan.afgehandeldOp;
    if (plan.actoren) {
      if (current) await this.ctx.em.nativeDelete(Toewijzing, { interneTaak: taak.id });
      // Persisted in order, so the toewijzing ids keep the order the client gave.
      for (const actor of plan.actoren) this.ctx.em.create(Toewijzing, { interneTaak: taak, actor } as never);
    }
    return taak;
  }

  /**
   * A new taak for a klantcontact made in the same write (registreerKlantcontact), assigned to
   * `actoren` in that order; its fields were checked by the caller with fieldErrors. Persisted, not flushed.
   */
  buildNested(
    input: { gevraagdeHandeling: string; toelichting?: string | null; status?: Taakstatus | null },
    klantcontact: Klantcontact,
    actoren: readonly Actor[],
  ): InterneTaak {
    const status = input.status ?? Taakstatus.TE_VERWERKEN;
    const taak = this.ctx.em.create(InterneTaak, {
      gevraagdeHandeling: input.gevraagdeHandeling,
      aanleidinggevendKlantcontact: klantcontact,
      toelichting: input.toelichting ?? "",
      status,
      toegewezenOp: new Date(),
      afgehandeldOp: status === Taakstatus.VERWERKT ? new Date() : null,
    } as never);
    for (const actor of actoren) this.ctx.em.create(Toewijzing, { interneTaak: taak, actor } as never);
    return taak;
  }

  /**
   * The actors to assign, from exactly one of toegewezenAanActoren and the deprecated
   * toegewezenAanActor; undefined when an update leaves the assignment alone.
   */
  private async actoren(input: Input, nieuw: boolean, problems: InvalidParams): Promise<Actor[] | undefined> {
    const lijst = input.toegewezenAanActoren ?? undefined;
    const enkel = input.toegewezenAanActor ?? undefined;
    if (lijst !== undefined && enkel !== undefined) {
      problems.add("nonFieldErrors", "invalid", BEIDE_ACTORVELDEN);
      return undefined;
    }
    if (lijst === undefined && enkel === undefined) {
      // null on an update is NotNull's ("required") business.
      if (nieuw) problems.add("toegewezenAanActoren", "required", GEEN_ACTORVELD);
      return undefined;
    }
    if (enkel !== undefined) {
      const actor = await this.ctx.service(ActorService).reference(enkel, "toegewezenAanActor", problems);
      return actor ? [actor] : undefined;
    }
    if (lijst!.length === 0) {
      problems.add("toegewezenAanActoren", "required", GEEN_ACTOREN);
      return undefined;
    }
    return this.actorLijst(lijst!, "toegewezenAanActoren", problems);
  }

  /**
   * The actors of a list of uuids in `field` (each at most once), looked up together in one
   * statement; problems are reported in list order as `field.<i>`. Undefined when any is wrong.
   */
  private async actorLijst(lijst: readonly string[], field: string, problems: InvalidParams): Promise<Actor[] | undefined> {
    const seen = new Set<string>();
    const uuids = lijst.map((uuid, i) => {
      const key = uuid.toLowerCase();
      if (seen.has(key)) {
        problems.add(path(field, i), "unique", "Deze actor staat al eerder in de lijst.");
        return undefined;
      }
      seen.add(key);
      return uuid;
    });
    const perActor = uuids.map(() => new InvalidParams());
    const actoren = await Promise.all(uuids.map((uuid, i) => this.ctx.service(ActorService).reference(uuid, path(field, i), perActor[i])));
    for (const found of perActor) problems.addAll(found.params);
    return actoren.every((a) => a) ? (actoren as Actor[]) : undefined;
  }

  /**
   * afgehandeldOp follows the status: only allowed with verwerkt, set to now when the task becomes
   * verwerkt without one, cleared when it goes back to te_verwerken, otherwise left where it is.
   */
  private afgehandeldOp(
    taak: InterneTaak | null,
    status: Taakstatus,
    gegeven: Date | null | undefined,
    problems: InvalidParams,
  ): Date | null {
    if (status !== Taakstatus.VERWERKT) {
      if (gegeven) problems.add("afgehandeldOp", "invalid", AFGEHANDELD_OP_ZONDER_VERWERKT);
      return null;
    }
    if (gegeven) return gegeven;
    if (gegeven === undefined && taak?.afgehandeldOp) return taak.afgehandeldOp;
    return new Date();
  }
}
