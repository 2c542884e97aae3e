import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Bijlage } from "./bijlage.entity";
import { BijlageFilter, BijlageInput, BijlageUpdateInput } from "./bijlage.input";
import { BijlageService } from "./bijlage.service";
import { Klantcontact } from "./klantcontact.entity";

export const BijlageConnection = ConnectionType(Bijlage);

@Resolver(() => Bijlage)
export class BijlageResolver {
  @RequiresScope("klantcontacten.lezen")
  @Query(() => Bijlage, { nullable: true, description: "Een bijlage op uuid." })
  bijlage(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(BijlageService).byUuid(uuid);
  }

  @RequiresScope("klantcontacten.lezen")
  @Query(() => BijlageConnection, { description: "Bijlagen, nieuwste eerst." })
  bijlagen(
    @Arg("filter", () => BijlageFilter, { nullable: true }) filter: BijlageFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(BijlageService).list(filter, page);
  }

  @FieldResolver(() => Klantcontact, { nullable: true, description: "Het klantcontact waarbij het document hoorde." })
  wasBijlageVanKlantcontact(@Root() bijlage: Bijlage, @Ctx() ctx: RequestContext) {
    return ctx.service(BijlageService).klantcontact(bijlage);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => Bijlage, { description: "Legt een bijlage vast." })
  createBijlage(@Arg("input", () => BijlageInput) input: BijlageInput, @Ctx() ctx: RequestContext) {
    return ctx.service(BijlageService).create(input);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => Bijlage, { description: "Wijzigt een bijlage (alleen de meegegeven velden)." })
  updateBijlage(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => BijlageUpdateInput) input: BijlageUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(BijlageService).update(uuid, input);
  }

  @RequiresScope("klantcontacten.verwijderen")
  @Mutation(() => ID, { description: "Verwijdert een bijlage; geeft de uuid terug." })
  deleteBijlage(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(BijlageService).delete(uuid);
  }
}
