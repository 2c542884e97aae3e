import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { requireAreaScope, requireStaffScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import type { BaseEntity } from "../common/base.entity";
import type { RequestContext } from "../common/context";
import type { Connection, PageArgs } from "../common/connection";
import { toObjectidentificator } from "../common/embeddables.input";
import { InvalidParams, path } from "../common/errors";
import { identificatorCondition, TextFilters } from "../common/filters";
import { EntityGate, NO_ROWS } from "../common/gate";
import { fieldErrors } from "../common/validation";
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
import { SoortActor } from "./enums";

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
    problems.addAll(await fieldErrors(input));
    const identificatie = this.checkIdentificatie(input.soortActor, input.actorIdentificatie, problems);
    problems.throwIfAny();
    return this.ctx.transaction(async () => {
      const actor = this.ctx.em.create(Actor, {
        naam: input.naam,
        soortActor: input.soortActor,
        indicatieActief: input.indicatieActief ?? true,
        actoridentificator: toObjectidentificator(input.actoridentificator) ?? null,
        ...identificatie,
      } as never);
      await this.ctx.em.flush();
      return actor;
    });
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
      else problems.add(path("actorIdentificatie", veld), "invalid", `Dit gegeven hoort niet bij een actor van soort ${SOORT_NAAM[soort]}.`);
    }
    for (const veld of VERPLICHTE_VELDEN[soort]) {
      if (values[veld] === null) {
        problems.add(path("actorIdentificatie", veld), "required", `Dit veld is vereist voor een actor van soort ${SOORT_NAAM[soort]}.`);
      }
    }
    return values;
  }
}

