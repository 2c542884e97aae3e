import { RequiresScope } from "../auth/access";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Partij } from "./partij.entity";
import { Rekeningnummer } from "./rekeningnummer.entity";
import { RekeningnummerFilter, RekeningnummerInput, RekeningnummerUpdateInput } from "./rekeningnummer.input";
import { RekeningnummerService } from "./rekeningnummer.service";

export const RekeningnummerConnection = ConnectionType(Rekeningnummer);

@Resolver(() => Rekeningnummer)
export class RekeningnummerResolver {
  @RequiresScope("partijen.lezen")
  @Query(() => Rekeningnummer, { nullable: true, description: "Een bankrekeningnummer op uuid." })
  rekeningnummer(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(RekeningnummerService).byUuid(uuid);
  }

  @RequiresScope("partijen.lezen")
  @Query(() => RekeningnummerConnection, { description: "Bankrekeningnummers, nieuwste eerst." })
  rekeningnummers(
    @Arg("filter", () => RekeningnummerFilter, { nullable: true }) filter: RekeningnummerFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(RekeningnummerService).list(filter, page);
  }

  @FieldResolver(() => Partij, { nullable: true, description: "De partij van wie de rekening is." })
  partij(@Root() rekeningnummer: Rekeningnummer, @Ctx() ctx: RequestContext) {
    return ctx.service(RekeningnummerService).partij(rekeningnummer);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => Rekeningnummer, { description: "Legt een bankrekeningnummer vast." })
  createRekeningnummer(@Arg("input", () => RekeningnummerInput) input: RekeningnummerInput, @Ctx() ctx: RequestContext) {
    return ctx.service(RekeningnummerService).create(input);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => Rekeningnummer, { description: "Wijzigt een bankrekeningnummer (alleen de meegegeven velden)." })
  updateRekeningnummer(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => RekeningnummerUpdateInput) input: RekeningnummerUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(RekeningnummerService).update(uuid, input);
  }

  @RequiresScope("partijen.verwijderen")
  @Mutation(() => ID, { description: "Verwijdert een bankrekeningnummer (niet de partij); geeft de uuid terug." })
  deleteRekeningnummer(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(RekeningnummerService).delete(uuid);
  }
}
