import type { FilterQuery } from "@mikro-orm/core";
import { requireAreaScope, requireStaffScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import type { RequestContext } from "../common/context";
import { NEWEST_FIRST, type Connection, type PageArgs } from "../common/connection";
import { InvalidParams } from "../common/errors";
import { uuidFilter } from "../common/filters";
import { EntityGate, NO_ROWS, type GatePolicy } from "../common/gate";
import { fieldErrors } from "../common/validation";
import type { Actor } from "../opvolging/actor.entity";
import { ActorService } from "../opvolging/actor.service";
import { ActorKlantcontact } from "./actor-klantcontact.entity";
import type { ActorKlantcontactFilter, ActorKlantcontactInput, ActorKlantcontactUpdateInput } from "./actor-klantcontact.input";
import type { Klantcontact } from "./klantcontact.entity";
import { KlantcontactService } from "./klantcontact.service";

/**
 * ActorKlantcontacten (which actor took part in which klantcontact) and their read gate: visible
 * when the klantcontact is; never to a citizen-bound principal (actor details are internal).
 */
export class ActorKlantcontactService {
  private readonly gate: EntityGate<ActorKlantcontact>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate(ctx, ActorKlantcontact, this.policy());
  }

  private policy(): GatePolicy<ActorKlantcontact> {
    return {
      visible: () => {
        if (isBurger(this.ctx.principal)) return NO_ROWS as FilterQuery<ActorKlantcontact>;
        const klantcontacten = this.ctx.service(KlantcontactService).visibleIds();
        return klantcontacten ? ({ klantcontact: { $in: klantcontacten } } as unknown as FilterQuery<ActorKlantcontact>) : undefined;
      },
    };
  }

  private mayRead(): void {
    requireAreaScope(this.ctx, "klantcontacten", "lezen");
  }

  byUuid(uuid: string): Promise<ActorKlantcontact | null> {
    this.mayRead();
    return this.gate.byUuid(uuid);
  }

  list(filter: ActorKlantcontactFilter | null | undefined, page: PageArgs): Promise<Connection<ActorKlantcontact>> {
    this.mayRead();
    const where: FilterQuery<ActorKlantcontact> = {};
    if (filter?.actor != null)
      Object.assign(where, { actor: { $in: this.ctx.service(ActorService).idsWhere({ uuid: uuidFilter(filter.actor) }) } });
    if (filter?.klantcontact != null) {
      Object.assign(where, {
        klantcontact: { $in: this.ctx.service(KlantcontactService).idsWhere({ uuid: uuidFilter(filter.klantcontact) }) },
      });
    }
    return this.gate.page(where, NEWEST_FIRST, page);
  }

  actor(link: ActorKlantcontact): Promise<Actor> {
    return this.ctx.service(ActorService).required(link.actor, link);
  }

  klantcontact(link: ActorKlantcontact): Promise<Klantcontact> {
    return this.ctx.service(KlantcontactService).required(link.klantcontact, link);
  }

  async create(input: ActorKlantcontactInput): Promise<ActorKlantcontact> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const link = new ActorKlantcontact();
    await this.apply(link, input, null);
    return this.ctx.transaction(async () => {
      await this.ctx.em.persistAndFlush(link);
      return link;
    });
  }

  async update(uuid: string, input: ActorKlantcontactUpdateInput): Promise<ActorKlantcontact> {
    requireStaffScope(this.ctx, "klantcontacten", "schrijven");
    const link = await this.gate.get(uuid);
    await this.apply(link, input, link);
    return this.ctx.transaction(async () => {
      await this.ctx.em.flush();
      return link;
    });
  }

  async delete(uuid: string): Promise<string> {
    requireStaffScope(this.ctx, "klantcontacten", "verwijderen");
    const link = await this.gate.get(uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(ActorKlantcontact, { id: link.id }));
    return link.uuid;
  }

  /** The link of an actor to a klantcontact made in the same write (registreerKlantcontact); persisted, not flushed. */
  buildNested(actor: Actor, klantcontact: Klantcontact): ActorKlantcontact {
    const link = new ActorKlantcontact();
    link.actor = actor;
    link.klantcontact = klantcontact;
    this.ctx.em.persist(link);
    return link;
  }

  /** Checks everything (the pair actor/klantcontact is unique), then changes the unflushed entity. */
  private async apply(
    link: ActorKlantcontact,
    input: ActorKlantcontactInput | ActorKlantcontactUpdateInput,
    current: ActorKlantcontact | null,
  ): Promise<void> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    const actor = await this.ctx.service(ActorService).reference(input.actor, "actor", problems);
    const klantcontact = await this.ctx.service(KlantcontactService).reference(input.klantcontact, "klantcontact", problems);
    const actorId = actor ? actor.id : current?.actor.id;
    const klantcontactId = klantcontact ? klantcontact.id : current?.klantcontact.id;
    if (problems.isEmpty && actorId && klantcontactId) {
      if (await this.gate.isTaken({ actor: actorId, klantcontact: klantcontactId }, current)) {
        problems.add("nonFieldErrors", "unique", "De velden actor en klantcontact moeten een unieke set zijn.");
      }
    }
    problems.throwIfAny();
    if (actor) link.actor = actor;
    if (klantcontact) link.klantcontact = klantcontact;
  }
}
