import type { FilterQuery } from "@mikro-orm/core";
import type { RequestContext } from "../common/context";
import { NEWEST_FIRST, paginate, type Connection, type PageArgs } from "../common/connection";
import { InvalidParams } from "../common/errors";
import { loadRequiredRelated } from "../common/loaders";
import { findByUuid, getByUuid, resolveReference } from "../common/references";
import { isTaken } from "../common/unique";
import { fieldErrors } from "../common/validation";
import { Actor } from "../opvolging/actor.entity";
import { ActorKlantcontact } from "./actor-klantcontact.entity";
import type { ActorKlantcontactFilter, ActorKlantcontactInput, ActorKlantcontactUpdateInput } from "./actor-klantcontact.input";
import { Klantcontact } from "./klantcontact.entity";
import { uuidFilter } from "../common/filters";

export class ActorKlantcontactService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<ActorKlantcontact | null> {
    return findByUuid(this.ctx, ActorKlantcontact, uuid);
  }

  list(filter: ActorKlantcontactFilter | null | undefined, page: PageArgs): Promise<Connection<ActorKlantcontact>> {
    const where: FilterQuery<ActorKlantcontact> = {};
    if (filter?.actor != null) where.actor = { uuid: uuidFilter(filter.actor) };
    if (filter?.klantcontact != null) where.klantcontact = { uuid: uuidFilter(filter.klantcontact) };
    return paginate(this.ctx.em, ActorKlantcontact, where, NEWEST_FIRST, page);
  }

  async actor(link: ActorKlantcontact): Promise<Actor> {
    return loadRequiredRelated(this.ctx, Actor, link.actor, link);
  }

  async klantcontact(link: ActorKlantcontact): Promise<Klantcontact> {
    return loadRequiredRelated(this.ctx, Klantcontact, link.klantcontact, link);
  }

  async create(input: ActorKlantcontactInput): Promise<ActorKlantcontact> {
    const link = new ActorKlantcontact();
    await this.apply(link, input, null);
    return this.ctx.transaction(async () => {
      await this.ctx.em.persistAndFlush(link);
      return link;
    });
  }

  async update(uuid: string, input: ActorKlantcontactUpdateInput): Promise<ActorKlantcontact> {
    const link = await getByUuid(this.ctx, ActorKlantcontact, uuid);
    await this.apply(link, input, link);
    return this.ctx.transaction(async () => {
      await this.ctx.em.flush();
      return link;
    });
  }

  async delete(uuid: string): Promise<string> {
    const link = await getByUuid(this.ctx, ActorKlantcontact, uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(ActorKlantcontact, { id: link.id }));
    return link.uuid;
  }

  /** Checks everything (the pair actor/klantcontact is unique), then changes the unflushed entity. */
  private async apply(
    link: ActorKlantcontact,
    input: ActorKlantcontactInput | ActorKlantcontactUpdateInput,
    current: ActorKlantcontact | null,
  ): Promise<void> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    const actor = await resolveReference(this.ctx, Actor, input.actor, "actor", problems);
    const klantcontact = await resolveReference(this.ctx, Klantcontact, input.klantcontact, "klantcontact", problems);
    const actorId = actor ? actor.id : current?.actor.id;
    const klantcontactId = klantcontact ? klantcontact.id : current?.klantcontact.id;
    if (problems.isEmpty && actorId && klantcontactId) {
      if (await isTaken(this.ctx.em, ActorKlantcontact, { actor: actorId, klantcontact: klantcontactId }, current)) {
        problems.add("nonFieldErrors", "unique", "De velden actor en klantcontact moeten een unieke set zijn.");
      }
    }
    problems.throwIfAny();
    if (actor) link.actor = actor;
    if (klantcontact) link.klantcontact = klantcontact;
  }
}
