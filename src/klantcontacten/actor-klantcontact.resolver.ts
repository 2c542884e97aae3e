import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Actor } from "../opvolging/actor.entity";
import { ActorKlantcontact } from "./actor-klantcontact.entity";
import { ActorKlantcontactFilter, ActorKlantcontactInput, ActorKlantcontactUpdateInput } from "./actor-klantcontact.input";
import { ActorKlantcontactService } from "./actor-klantcontact.service";
import { Klantcontact } from "./klantcontact.entity";

export const ActorKlantcontactConnection = ConnectionType(ActorKlantcontact);

@Resolver(() => ActorKlantcontact)
export class ActorKlantcontactResolver {
  @RequiresScope("klantcontacten.lezen")
  @Query(() => ActorKlantcontact, { nullable: true, description: "Een actor-klantcontactkoppeling op uuid." })
  actorKlantcontact(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorKlantcontactService).byUuid(uuid);
  }

  @RequiresScope("klantcontacten.lezen")
  @Query(() => ActorKlantcontactConnection, { description: "Actor-klantcontactkoppelingen, nieuwste eerst." })
  actorKlantcontacten(
    @Arg("filter", () => ActorKlantcontactFilter, { nullable: true }) filter: ActorKlantcontactFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(ActorKlantcontactService).list(filter, page);
  }

  @RequiresScope("opvolging.lezen")
  @FieldResolver(() => Actor, { description: "De actor die bij het klantcontact betrokken was." })
  actor(@Root() link: ActorKlantcontact, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorKlantcontactService).actor(link);
  }

  @FieldResolver(() => Klantcontact, { description: "Het klantcontact." })
  klantcontact(@Root() link: ActorKlantcontact, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorKlantcontactService).klantcontact(link);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => ActorKlantcontact, { description: "Koppelt een actor aan een klantcontact." })
  createActorKlantcontact(@Arg("input", () => ActorKlantcontactInput) input: ActorKlantcontactInput, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorKlantcontactService).create(input);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => ActorKlantcontact, { description: "Wijzigt een actor-klantcontactkoppeling (alleen de meegegeven velden)." })
  updateActorKlantcontact(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => ActorKlantcontactUpdateInput) input: ActorKlantcontactUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(ActorKlantcontactService).update(uuid, input);
  }

  @RequiresScope("klantcontacten.verwijderen")
  @Mutation(() => ID, { description: "Verwijdert een actor-klantcontactkoppeling; geeft de uuid terug." })
  deleteActorKlantcontact(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorKlantcontactService).delete(uuid);
  }
}
