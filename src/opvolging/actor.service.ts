import type { FilterQuery } from "@mikro-orm/core";
import type { RequestContext } from "../common/context";
import { paginate, type Connection, type PageArgs } from "../common/connection";
import { toObjectidentificator } from "../common/embeddables.input";
import { InvalidParams, path } from "../common/errors";
import { identificatorCondition, TextFilters } from "../common/filters";
import { findByUuid, getByUuid } from "../common/references";
import { fieldErrors } from "../common/validation";
import { Actor } from "./actor.entity";
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


export class ActorService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<Actor | null> {
    return findByUuid(this.ctx, Actor, uuid);
  }

  list(filter: ActorFilter | null | undefined, page: PageArgs): Promise<Connection<Actor>> {
    const where: Record<string, unknown> = {};
    if (filter?.naam) Object.assign(where, new TextFilters(this.ctx.em, Actor).icontains("naam", filter.naam));
    if (filter?.soortActor) where.soortActor = filter.soortActor;
    if (filter?.indicatieActief !== undefined && filter?.indicatieActief !== null) where.indicatieActief = filter.indicatieActief;
    // The identificator is columns of the actor row itself, so all given parts hold for the same one.
    const identificator = identificatorCondition(filter?.actoridentificator);
    if (identificator) where.actoridentificator = identificator;
    return paginate(this.ctx.em, Actor, where as FilterQuery<Actor>, [], page);
  }

  identificatie(actor: Actor) {
    return actorIdentificatie(actor);
  }

  async create(input: ActorInput): Promise<Actor> {
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
    const actor = await getByUuid(this.ctx, Actor, uuid);
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
    const actor = await getByUuid(this.ctx, Actor, uuid);
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

