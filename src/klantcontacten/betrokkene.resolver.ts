import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Partij } from "../partijen/partij.entity";
import { Betrokkene } from "./betrokkene.entity";
import { BetrokkeneFilter, BetrokkeneInput, BetrokkeneUpdateInput } from "./betrokkene.input";
import { BetrokkeneService } from "./betrokkene.service";
import { Klantcontact } from "./klantcontact.entity";

export const BetrokkeneConnection = ConnectionType(Betrokkene);

@Resolver(() => Betrokkene)
export class BetrokkeneResolver {
  @RequiresScope("klantcontacten.lezen")
  @Query(() => Betrokkene, { nullable: true, description: "Een betrokkene op uuid." })
  betrokkene(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(BetrokkeneService).byUuid(uuid);
  }

  @RequiresScope("klantcontacten.lezen")
  @Query(() => BetrokkeneConnection, { description: "Betrokkenen, nieuwste eerst." })
  betrokkenen(
    @Arg("filter", () => BetrokkeneFilter, { nullable: true }) filter: BetrokkeneFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(BetrokkeneService).list(filter, page);
  }

  @RequiresScope("partijen.lezen")
  @FieldResolver(() => Partij, { nullable: true, description: "De partij die de betrokkene was, als die bekend is." })
  wasPartij(@Root() betrokkene: Betrokkene, @Ctx() ctx: RequestContext) {
    return ctx.service(BetrokkeneService).wasPartij(betrokkene);
  }

  @FieldResolver(() => Klantcontact, { description: "Het klantcontact waarbij de betrokkene betrokken was." })
  hadKlantcontact(@Root() betrokkene: Betrokkene, @Ctx() ctx: RequestContext) {
    return ctx.service(BetrokkeneService).hadKlantcontact(betrokkene);
  }

  @FieldResolver(() => String, {
    description: "Voornaam, voorvoegsel en achternaam uit de contactnaam, gescheiden door spaties (zonder voorletters).",
  })
  volledigeNaam(@Root() betrokkene: Betrokkene, @Ctx() ctx: RequestContext) {
    return ctx.service(BetrokkeneService).volledigeNaam(betrokkene);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => Betrokkene, { description: "Legt een betrokkene bij een klantcontact vast." })
  createBetrokkene(@Arg("input", () => BetrokkeneInput) input: BetrokkeneInput, @Ctx() ctx: RequestContext) {
    return ctx.service(BetrokkeneService).create(input);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => Betrokkene, { description: "Wijzigt een betrokkene (alleen de meegegeven velden)." })
  updateBetrokkene(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => BetrokkeneUpdateInput) input: BetrokkeneUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(BetrokkeneService).update(uuid, input);
  }

  @RequiresScope("klantcontacten.verwijderen")
  @Mutation(() => ID, {
    description: "Verwijdert een betrokkene; digitale adressen die zij verstrekte blijven bestaan. Geeft de uuid terug.",
  })
  deleteBetrokkene(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(BetrokkeneService).delete(uuid);
  }
}

/** Partij.betrokkenen, from this side so that the partij module need not know klantcontacten. */
@Resolver(() => Partij)
export class PartijBetrokkenenResolver {
  @RequiresScope("klantcontacten.lezen")
  @FieldResolver(() => BetrokkeneConnection, {
    description: "Betrokkenen bij klantcontacten die deze partij waren, nieuwste eerst.",
  })
  betrokkenen(@Root() partij: Partij, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RequestContext) {
    return ctx.service(BetrokkeneService).vanPartij(partij, page);
  }
}
