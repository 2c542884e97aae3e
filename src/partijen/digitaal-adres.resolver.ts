import { RequiresScope } from "../auth/access";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Betrokkene } from "../klantcontacten/betrokkene.entity";
import { DigitaalAdres } from "./digitaal-adres.entity";
import { DigitaalAdresFilter, DigitaalAdresInput, DigitaalAdresUpdateInput } from "./digitaal-adres.input";
import { DigitaalAdresService } from "./digitaal-adres.service";
import { Partij } from "./partij.entity";

export const DigitaalAdresConnection = ConnectionType(DigitaalAdres);

@Resolver(() => DigitaalAdres)
export class DigitaalAdresResolver {
  @RequiresScope("partijen.lezen")
  @Query(() => DigitaalAdres, { nullable: true, description: "Een digitaal adres op uuid." })
  digitaalAdres(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(DigitaalAdresService).byUuid(uuid);
  }

  @RequiresScope("partijen.lezen")
  @Query(() => DigitaalAdresConnection, { description: "Digitale adressen, nieuwste eerst." })
  digitaleAdressen(
    @Arg("filter", () => DigitaalAdresFilter, { nullable: true }) filter: DigitaalAdresFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(DigitaalAdresService).list(filter, page);
  }

  @FieldResolver(() => Partij, { nullable: true, description: "De partij die het adres verstrekte (voor toekomstig contact)." })
  verstrektDoorPartij(@Root() adres: DigitaalAdres, @Ctx() ctx: RequestContext) {
    return ctx.service(DigitaalAdresService).partij(adres);
  }

  @RequiresScope("klantcontacten.lezen")
  @FieldResolver(() => Betrokkene, {
    nullable: true,
    description: "De betrokkene die het adres verstrekte (voor de opvolging van één klantcontact).",
  })
  verstrektDoorBetrokkene(@Root() adres: DigitaalAdres, @Ctx() ctx: RequestContext) {
    return ctx.service(DigitaalAdresService).betrokkene(adres);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => DigitaalAdres, { description: "Legt een digitaal adres vast." })
  createDigitaalAdres(@Arg("input", () => DigitaalAdresInput) input: DigitaalAdresInput, @Ctx() ctx: RequestContext) {
    return ctx.service(DigitaalAdresService).create(input);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => DigitaalAdres, { description: "Wijzigt een digitaal adres (alleen de meegegeven velden)." })
  updateDigitaalAdres(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => DigitaalAdresUpdateInput) input: DigitaalAdresUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(DigitaalAdresService).update(uuid, input);
  }

  @RequiresScope("partijen.verwijderen")
  @Mutation(() => ID, { description: "Verwijdert een digitaal adres (niet de partij); geeft de uuid terug." })
  deleteDigitaalAdres(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(DigitaalAdresService).delete(uuid);
  }
}

/** Betrokkene.digitaleAdressen, from this side so that the klantcontacten module need not know them. */
@Resolver(() => Betrokkene)
export class BetrokkeneDigitaleAdressenResolver {
  @RequiresScope("partijen.lezen")
  @FieldResolver(() => [DigitaalAdres], {
    description: "Digitale adressen die de betrokkene voor de opvolging van het klantcontact verstrekte.",
  })
  digitaleAdressen(@Root() betrokkene: Betrokkene, @Ctx() ctx: RequestContext) {
    return ctx.service(DigitaalAdresService).vanBetrokkene(betrokkene);
  }
}
