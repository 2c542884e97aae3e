import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { requireAreaScope, requireStaffScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import type { BaseEntity } from "../common/base.entity";
import type { RequestContext } from "../common/context";
import type { Connection, PageArgs } from "../common/connection";
import { toObjectidentificator } from "../common/embeddables.input";
import { InvalidParams, path, type InvalidParam } from "../common/errors";
import { identificatorCondition, TextFilters } from "../common/filters";
import { EntityGate, NO_ROWS } from "../common/gate";
import { fieldErrors } from "../common/validation";
import { serialiseOnKeys } from "../database/advisory-lock";
import { ActorKlantcontact } from "../klantcontacten/actor-klantcontact.entity";
import type { Klantcontact } from "../klantcontacten/klantcontact.entity";
import { Actor } from "./actor.entity";
import type { InterneTaak } from "./interne-taak.entity";
import { Toewijzing } from "./toewijzing.entity";
import {
  actorIdentificatie,
  ALLE_IDENTIFICATIE_VELDEN,
  IDENTIFICATIE_VELDEN,
  VERPLICHTE_VELDEN,
  type IdentificatieVeld,
} from "./actor-identificatie.type";
import type { ActorFilter, ActorIdentificatieInput, ActorInput, ActorUpdateInput } from "./actor.input";
import type { ActorVerwijzingInput } from "./actor-verwijzing.input";
import { SoortActor } from "./enums";

/** The four parts of an actoridentificator, all required to find an actor by it. */
const IDENTIFICATOR_DELEN = ["codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId"] as const;

/** A new actor whose input passed every rule: what create and find-or-create write. */
export interface NewActorPlan {
  input: ActorInput;
  identificatie: Record<IdentificatieVeld, string | null>;
}

/** One checked actor reference of a workflow: found by uuid already, or to find or create by identificator. */
export type ActorVerwijzingPlan = { actor: Actor } | { vindOfMaak: NewActorPlan; key: string };

/** An actor a workflow resolved, and whether the workflow created it. */
export interface ResolvedActor {
  actor: Actor;
  aangemaakt: boolean;
}

/** The natural key of an actor found by identificator: its four parts, exactly. */
function identificatorKey(input: ActorInput): string {
  return JSON.stringify(IDENTIFICATOR_DELEN.map((deel) => input.actoridentificator?.[deel] ?? null));
}

/** Names the problems of a nested part below `prefix` (the rules name fields from their own input). */
function below(prefix: string, params: InvalidParam[]): InvalidParam[] {
  return params.map((p) => ({ ...p, name: path(prefix, p.name) }));
}

const SOORT_NAAM: Record<SoortActor, string> = {
  [SoortActor.MEDEWERKER]: "medewerker",
  [SoortActor.GEAUTOMATISEERDE_ACTOR]: "geautomatiseerde actor",
  [SoortActor.ORGANISATORISCHE_EENHEID]: "organisatorische eenheid",
};

/**
 * Actoren and their read gate. Actors are the municipality's own (medewerkers, afdelingen,
 * systems): every client with opvolging.lezen sees them all, a citizen-bound principal none.
 */
export class ActorService {
  private readonly gate: EntityGate<Actor>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate(ctx, Actor, {
      visible: () => (isBurger(ctx.principal) ? (NO_ROWS as FilterQuery<Actor>) : undefined),
    });
  }

  private mayRead(): void {
    requireAreaScope(this.ctx, "opvolging", "lezen");
  }

  byUuid(uuid: string): Promise<Actor | null> {
    this.mayRead();
    return this.gate.byUuid(uuid);
  }

  /** The actor a required relation points at (ActorKlantcontact.actor). */
  required(ref: { id: number }, owner: BaseEntity): Promise<Actor> {
    this.mayRead();
    return this.gate.required(ref, owner);
  }

  /** An actor named in an input: checked by visibility; an invisible one "does not exist". */
  reference(uuid: string | null | undefined, field: string, problems: InvalidParams): Promise<Actor | null | undefined> {
    return this.gate.reference(uuid, field, problems);
  }

  /** Ids of the visible actors that match `where`, for another entity's filter. */
  idsWhere(where: FilterQuery<Actor>): Knex.QueryBuilder {
    return this.gate.subquery("id", where);
  }

  /** Klantcontact.hadBetrokkenActoren, in the order they were linked (batched over the request's klantcontacten). */
  vanKlantcontact(klantcontact: Klantcontact): Promise<Actor[]> {
    this.mayRead();
    return this.gate.linked(ActorKlantcontact, "klantcontact", "actor", klantcontact.id);
  }

  /** InterneTaak.toegewezenAanActoren, in the order they were assigned (batched over the request's taken). */
  vanTaak(taak: InterneTaak): Promise<Actor[]> {
    this.mayRead();
    return this.gate.linked(Toewijzing, "interneTaak", "actor", taak.id);
  }

  list(filter: ActorFilter | null | undefined, page: PageArgs): Promise<Connection<Actor>> {
    this.mayRead();
    const where: Record<string, unknown> = {};
    if (filter?.naam) Object.assign(where, new TextFilters(this.ctx.em, Actor).icontains("naam", filter.naam));
    if (filter?.soortActor) where.soortActor = filter.soortActor;
    if (filter?.indicatieActief !== undefined && filter?.indicatieActief !== null) where.indicatieActief = filter.indicatieActief;
    // The identificator is columns of the actor row itself, so all given parts hold for the same one.
    const identificator = identificatorCondition(filter?.actoridentificator);
    if (identificator) where.actoridentificator = identificator;
    return this.gate.page(where as FilterQuery<Actor>, [], page);
  }

  identificatie(actor: Actor) {
    return actorIdentificatie(actor);
  }

  async create(input: ActorInput): Promise<Actor> {
    requireStaffScope(this.ctx, "opvolging", "schrijven");
    const problems = new InvalidParams();
    const plan = await this.checkNew(input, "", problems);
    problems.throwIfAny();
    return this.ctx.transaction(async () => {
      const actor = this.build(plan);
      await this.ctx.em.flush();
      return actor;
    });
  }

  /**
   * vindOfMaakActor: the actor with this actoridentificator (the oldest, should there be several),
   * or a new one made from the input. Safe when requests race: the second waits for the first and
   * then finds its actor.
   */
  async vindOfMaak(input: ActorInput): Promise<ResolvedActor> {
    requireStaffScope(this.ctx, "opvolging", "schrijven");
    const problems = new InvalidParams();
    const plan = await this.checkVindOfMaak(input, "", problems);
    problems.throwIfAny();
    return this.ctx.transaction(async () => {
      const [resolved] = await this.resolveVerwijzingen([plan]);
      await this.ctx.em.flush();
      return resolved;
    });
  }

  /** The rules of a new actor, problems named under `prefix`; writes nothing. */
  async checkNew(input: ActorInput, prefix: string, problems: InvalidParams): Promise<NewActorPlan> {
    const own = new InvalidParams();
    own.addAll(await fieldErrors(input));
    const identificatie = this.checkIdentificatie(input.soortActor, input.actorIdentificatie, own);
    problems.addAll(below(prefix, own.params));
    return { input, identificatie };
  }

  /** A new actor from a checked plan, persisted but not flushed. */
  build(plan: NewActorPlan): Actor {
    const { input, identificatie } = plan;
    return this.ctx.em.create(Actor, {
      naam: input.naam,
      soortActor: input.soortActor,
      indicatieActief: input.indicatieActief ?? true,
      actoridentificator: toObjectidentificator(input.actoridentificator) ?? null,
      ...identificatie,
    } as never);
  }

  /**
   * Checks the actor references of a workflow (ActorVerwijzingInput), each named `<prefix>.<i>`:
   * exactly one of uuid and vindOfMaak, uuids that exist (all looked up in one statement), a
   * vindOfMaak with its whole actoridentificator, and no actor twice in the list. Creating actors
   * needs opvolging.schrijven (FORBIDDEN before any SQL); naming them by uuid needs only the
   * scope of the write that links them. Writes nothing: resolveVerwijzingen does, in the write.
   */
  async checkVerwijzingen(
    verwijzingen: readonly ActorVerwijzingInput[],
    prefix: string,
    problems: InvalidParams,
  ): Promise<ActorVerwijzingPlan[]> {
    if (verwijzingen.some((v) => v.vindOfMaak)) requireStaffScope(this.ctx, "opvolging", "schrijven");
    const perItem = verwijzingen.map(() => new InvalidParams());
    const seen = new Set<string>();
    const plans = await Promise.all(
      verwijzingen.map(async (verwijzing, i): Promise<ActorVerwijzingPlan | null> => {
        const name = path(prefix, i);
        const found = perItem[i];
        const given = (verwijzing.uuid != null ? 1 : 0) + (verwijzing.vindOfMaak != null ? 1 : 0);
        if (given !== 1) {
          found.add(name, "invalid", "Geef precies één van uuid en vindOfMaak op.");
          return null;
        }
        const key = verwijzing.uuid != null ? `uuid:${verwijzing.uuid.toLowerCase()}` : `id:${identificatorKey(verwijzing.vindOfMaak!)}`;
        if (seen.has(key)) found.add(name, "unique", "Deze actor staat al eerder in de lijst.");
        seen.add(key);
        if (verwijzing.uuid != null) {
          const actor = await this.gate.reference(verwijzing.uuid, path(name, "uuid"), found);
          return actor ? { actor } : null;
        }
        return this.checkVindOfMaak(verwijzing.vindOfMaak!, path(name, "vindOfMaak"), found);
      }),
    );
    // reported in list order, whatever order the lookups finished in
    for (const found of perItem) problems.addAll(found.params);
    return plans.filter((plan): plan is ActorVerwijzingPlan => plan !== null);
  }

  /** A new actor's rules plus its whole actoridentificator, by which it is found; problems under `prefix`. */
  private async checkVindOfMaak(input: ActorInput, prefix: string, problems: InvalidParams): Promise<ActorVerwijzingPlan> {
    const plan = await this.checkNew(input, prefix, problems);
    for (const deel of IDENTIFICATOR_DELEN) {
      const value = input.actoridentificator?.[deel];
      if (value === undefined || value === null || value.trim() === "") {
        problems.add(
          path(prefix, "actoridentificator", deel),
          "required",
          "Dit veld is vereist om de actor op zijn actoridentificator te vinden.",
        );
      }
    }
    return { vindOfMaak: plan, key: identificatorKey(input) };
  }

  /**
   * The actors of checked references, in the open transaction: those by identificator are found
   * (one statement for all, after serialising on their keys) or created (persisted, flushed with
   * the rest of the write). One identificator named twice gives one actor.
   */
  async resolveVerwijzingen(plans: readonly ActorVerwijzingPlan[]): Promise<ResolvedActor[]> {
    const wanted = new Map<string, NewActorPlan>();
    for (const plan of plans) if ("vindOfMaak" in plan && !wanted.has(plan.key)) wanted.set(plan.key, plan.vindOfMaak);
    const byKey = new Map<string, ResolvedActor>();
    if (wanted.size) {
      await serialiseOnKeys(this.ctx.em, "actor.actoridentificator", [...wanted.keys()]);
      const conditions = [...wanted.values()].map((plan) => ({
        actoridentificator: identificatorCondition(plan.input.actoridentificator),
      }));
      const existing = await this.gate.find({ $or: conditions } as FilterQuery<Actor>, { orderBy: { id: "asc" } });
      for (const actor of existing) {
        const key = identificatorKey({ actoridentificator: actor.actoridentificator } as ActorInput);
        if (wanted.has(key) && !byKey.has(key)) byKey.set(key, { actor, aangemaakt: false });
      }
      for (const [key, plan] of wanted) if (!byKey.has(key)) byKey.set(key, { actor: this.build(plan), aangemaakt: true });
    }
    return plans.map((plan) => ("actor" in plan ? { actor: plan.actor, aangemaakt: false } : byKey.get(plan.key)!));
  }

  async update(uuid: string, input: ActorUpdateInput): Promise<Actor> {
    requireStaffScope(this.ctx, "opvolging", "schrijven");
    const actor = await this.gate.get(uuid);
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    const soort = input.soortActor ?? actor.soortActor;
    let identificatie: Record<IdentificatieVeld, string | null> | undefined;
    if (input.actorIdentificatie !== undefined) {
      identificatie = this.checkIdentificatie(soort, input.actorIdentificatie, problems);
    } else if (soort !== actor.soortActor) {
      // The old identificatie described another kind of actor.
      identificatie = this.checkIdentificatie(soort, null, problems);
    }
    problems.throwIfAny();
    return this.ctx.transaction(async () => {
      if (input.naam !== undefined && input.naam !== null) actor.naam = input.naam;
      if (input.soortActor !== undefined && input.soortActor !== null) actor.soortActor = input.soortActor;
      if (input.indicatieActief !== undefined && input.indicatieActief !== null) actor.indicatieActief = input.indicatieActief;
      if (input.actoridentificator !== undefined) actor.actoridentificator = toObjectidentificator(input.actoridentificator);
      if (identificatie) Object.assign(actor, identificatie);
      await this.ctx.em.flush();
      return actor;
    });
  }

  /** Deleting an actor deletes its ActorKlantcontacten and its toewijzingen (the database cascades); the taken stay. */
  async delete(uuid: string): Promise<string> {
    requireStaffScope(this.ctx, "opvolging", "verwijderen");
    const actor = await this.gate.get(uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Actor, { id: actor.id }));
    return actor.uuid;
  }

  /**
   * The identificatie columns to store for a soort: fields of another soort are refused, the
   * required ones of this soort must be there whenever an identificatie is given.
   */
  private checkIdentificatie(
    soort: SoortActor,
    input: ActorIdentificatieInput | null | undefined,
    problems: InvalidParams,
  ): Record<IdentificatieVeld, string | null> {
    const values = Object.fromEntries(ALLE_IDENTIFICATIE_VELDEN.map((veld) => [veld, null])) as Record<IdentificatieVeld, string | null>;
    if (!input) return values;
    const toegestaan = IDENTIFICATIE_VELDEN[soort] as readonly IdentificatieVeld[];
    for (const veld of ALLE_IDENTIFICATIE_VELDEN) {
      const value = input[veld];
      if (value === undefined || value === null) continue;
      if (toegestaan.includes(veld)) values[veld] = value;
      else
        problems.add(path("actorIdentificatie", veld), "invalid", `Dit gegeven hoort niet bij een actor van soort ${SOORT_NAAM[soort]}.`);
    }
    for (const veld of VERPLICHTE_VELDEN[soort]) {
      if (values[veld] === null) {
        problems.add(path("actorIdentificatie", veld), "required", `Dit veld is vereist voor een actor van soort ${SOORT_NAAM[soort]}.`);
      }
    }
    return values;
  }
}
