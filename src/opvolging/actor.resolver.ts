import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs, Volgorde } from "../common/connection";
import { Actor } from "./actor.entity";
import { ActorIdentificatie } from "./actor-identificatie.type";
import { ActorFilter, ActorInput, ActorUpdateInput } from "./actor.input";
import { ActorService } from "./actor.service";
import { InterneTaakFilter } from "./interne-taak.input";
import { InterneTaakConnection, VOLGORDE } from "./interne-taak.resolver";
import { InterneTaakService } from "./interne-taak.service";

export const ActorConnection = ConnectionType(Actor);

@Resolver(() => Actor)
export class ActorResolver {
  @RequiresScope("opvolging.lezen")
  @Query(() => Actor, { nullable: true, description: "Een actor op uuid." })
  actor(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorService).byUuid(uuid);
  }

  @RequiresScope("opvolging.lezen")
  @Query(() => ActorConnection, { description: "Actoren, nieuwste eerst." })
  actoren(
    @Arg("filter", () => ActorFilter, { nullable: true }) filter: ActorFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(ActorService).list(filter, page);
  }

  @FieldResolver(() => ActorIdentificatie, {
    nullable: true,
    description:
      "Identificatie naar soort: Medewerker, GeautomatiseerdeActor of OrganisatorischeEenheid volgens soortActor; null als er geen is vastgelegd.",
  })
  actorIdentificatie(@Root() actor: Actor, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorService).identificatie(actor);
  }

  @RequiresScope("opvolging.lezen")
  @FieldResolver(() => InterneTaakConnection, {
    description:
      "Interne taken die (ook) aan deze actor zijn toegewezen, op toegewezenOp, nieuwste eerst tenzij anders gevraagd: zijn werkvoorraad.",
  })
  interneTaken(
    @Root() actor: Actor,
    @Arg("filter", () => InterneTaakFilter, { nullable: true }) filter: InterneTaakFilter | null,
    @Arg("volgorde", () => Volgorde, { nullable: true, description: VOLGORDE }) volgorde: Volgorde | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(InterneTaakService).vanActor(actor, filter, volgorde, page);
  }

  @RequiresScope("opvolging.schrijven")
  @Mutation(() => Actor, { description: "Maakt een actor." })
  createActor(@Arg("input", () => ActorInput) input: ActorInput, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorService).create(input);
  }

  @RequiresScope("opvolging.schrijven")
  @Mutation(() => Actor, { description: "Wijzigt een actor (alleen de meegegeven velden)." })
  updateActor(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => ActorUpdateInput) input: ActorUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(ActorService).update(uuid, input);
  }

  @RequiresScope("opvolging.verwijderen")
  @Mutation(() => ID, {
    description:
      "Verwijdert een actor, met zijn betrokkenheid bij klantcontacten en zijn toewijzingen aan interne taken (de taken blijven); geeft de uuid terug.",
  })
  deleteActor(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorService).delete(uuid);
  }
}
