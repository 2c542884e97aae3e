import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Actor } from "../opvolging/actor.entity";
import { Betrokkene } from "./betrokkene.entity";
import { Bijlage } from "./bijlage.entity";
import { Partij } from "../partijen/partij.entity";
import { Klantcontact } from "./klantcontact.entity";
import { KlantcontactFilter, KlantcontactInput, KlantcontactUpdateInput } from "./klantcontact.input";
import { KlantcontactService } from "./klantcontact.service";
import { Onderwerpobject } from "./onderwerpobject.entity";

export const KlantcontactConnection = ConnectionType(Klantcontact);

@Resolver(() => Klantcontact)
export class KlantcontactResolver {
  @RequiresScope("klantcontacten.lezen")
  @Query(() => Klantcontact, { nullable: true, description: "Een klantcontact op uuid." })
  klantcontact(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(KlantcontactService).byUuid(uuid);
  }

  @RequiresScope("klantcontacten.lezen")
  @Query(() => KlantcontactConnection, {
    description: "Klantcontacten, het laatst plaatsgevonden eerst (bij gelijk tijdstip het nieuwste eerst).",
  })
  klantcontacten(
    @Arg("filter", () => KlantcontactFilter, { nullable: true }) filter: KlantcontactFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(KlantcontactService).list(filter, page);
  }

  @FieldResolver(() => [Betrokkene], { description: "Betrokkenen bij dit klantcontact." })
  hadBetrokkenen(@Root() klantcontact: Klantcontact, @Ctx() ctx: RequestContext) {
    return ctx.service(KlantcontactService).betrokkenen(klantcontact);
  }

  @FieldResolver(() => [Onderwerpobject], { description: "Onderwerpobjecten waarover dit klantcontact ging." })
  gingOverOnderwerpobjecten(@Root() klantcontact: Klantcontact, @Ctx() ctx: RequestContext) {
    return ctx.service(KlantcontactService).onderwerpobjecten(klantcontact);
  }

  @FieldResolver(() => [Onderwerpobject], {
    description:
      "Onderwerpobjecten die dit klantcontact zijn (hun wasKlantcontact), bijvoorbeeld waarmee een later antwoord naar deze vraag verwijst.",
  })
  wasOnderwerpobjecten(@Root() klantcontact: Klantcontact, @Ctx() ctx: RequestContext) {
    return ctx.service(KlantcontactService).wasOnderwerpobjecten(klantcontact);
  }

  @FieldResolver(() => [Bijlage], { description: "Bijlagen bij dit klantcontact." })
  omvatteBijlagen(@Root() klantcontact: Klantcontact, @Ctx() ctx: RequestContext) {
    return ctx.service(KlantcontactService).bijlagen(klantcontact);
  }

  @RequiresScope("opvolging.lezen")
  @FieldResolver(() => [Actor], { description: "Actoren die bij dit klantcontact betrokken waren." })
  hadBetrokkenActoren(@Root() klantcontact: Klantcontact, @Ctx() ctx: RequestContext) {
    return ctx.service(KlantcontactService).actoren(klantcontact);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => Klantcontact, { description: "Legt een klantcontact vast." })
  createKlantcontact(@Arg("input", () => KlantcontactInput) input: KlantcontactInput, @Ctx() ctx: RequestContext) {
    return ctx.service(KlantcontactService).create(input);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => Klantcontact, { description: "Wijzigt een klantcontact (alleen de meegegeven velden)." })
  updateKlantcontact(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => KlantcontactUpdateInput) input: KlantcontactUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(KlantcontactService).update(uuid, input);
  }

  @RequiresScope("klantcontacten.verwijderen")
  @Mutation(() => ID, {
    description:
      "Verwijdert een klantcontact met zijn betrokkenen, onderwerpobjecten, bijlagen, interne taken en actorkoppelingen; geeft de uuid terug.",
  })
  deleteKlantcontact(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(KlantcontactService).delete(uuid);
  }
}

/** Partij.klantcontacten: the contactmomenten of a partij, from this side. */
@Resolver(() => Partij)
export class PartijKlantcontactenResolver {
  @RequiresScope("klantcontacten.lezen")
  @FieldResolver(() => KlantcontactConnection, {
    description: "Klantcontacten waarbij deze partij betrokkene was, laatst plaatsgevonden eerst.",
  })
  klantcontacten(
    @Root() partij: Partij,
    @Arg("filter", () => KlantcontactFilter, { nullable: true }) filter: KlantcontactFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(KlantcontactService).vanPartij(partij, filter, page);
  }
}
