import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs, Volgorde } from "../common/connection";
import { Klantcontact } from "../klantcontacten/klantcontact.entity";
import { Partij } from "../partijen/partij.entity";
import { Actor } from "./actor.entity";
import { InterneTaak } from "./interne-taak.entity";
import { InterneTaakFilter, InterneTaakInput, InterneTaakUpdateInput } from "./interne-taak.input";
import { InterneTaakService } from "./interne-taak.service";

export const InterneTaakConnection = ConnectionType(InterneTaak);

/** The description of the volgorde argument of every list of taken. */
export const VOLGORDE = "Volgorde op toegewezenOp: standaard NIEUWSTE_EERST, voor een werkvoorraad OUDSTE_EERST.";

@Resolver(() => InterneTaak)
export class InterneTaakResolver {
  @RequiresScope("opvolging.lezen")
  @Query(() => InterneTaak, { nullable: true, description: "Een interne taak op uuid." })
  interneTaak(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(InterneTaakService).byUuid(uuid);
  }

  @RequiresScope("opvolging.lezen")
  @Query(() => InterneTaakConnection, { description: "Interne taken, op toegewezenOp, nieuwste eerst tenzij anders gevraagd." })
  interneTaken(
    @Arg("filter", () => InterneTaakFilter, { nullable: true }) filter: InterneTaakFilter | null,
    @Arg("volgorde", () => Volgorde, { nullable: true, description: VOLGORDE }) volgorde: Volgorde | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(InterneTaakService).list(filter, volgorde, page);
  }

  @RequiresScope("klantcontacten.lezen")
  @FieldResolver(() => Klantcontact, { description: "Het klantcontact dat tot deze taak leidde." })
  aanleidinggevendKlantcontact(@Root() taak: InterneTaak, @Ctx() ctx: RequestContext) {
    return ctx.service(InterneTaakService).aanleidinggevendKlantcontact(taak);
  }

  @FieldResolver(() => [Actor], { description: "De actoren aan wie de taak is toegewezen, in de volgorde van toewijzing." })
  toegewezenAanActoren(@Root() taak: InterneTaak, @Ctx() ctx: RequestContext) {
    return ctx.service(InterneTaakService).toegewezenAanActoren(taak);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    deprecationReason: "Gebruik toegewezenAanActoren.",
    description: "De eerste actor aan wie de taak is toegewezen.",
  })
  toegewezenAanActor(@Root() taak: InterneTaak, @Ctx() ctx: RequestContext) {
    return ctx.service(InterneTaakService).toegewezenAanActor(taak);
  }

  @RequiresScope("opvolging.schrijven")
  @Mutation(() => InterneTaak, { description: "Maakt een interne taak naar aanleiding van een klantcontact." })
  createInterneTaak(@Arg("input", () => InterneTaakInput) input: InterneTaakInput, @Ctx() ctx: RequestContext) {
    return ctx.service(InterneTaakService).create(input);
  }

  @RequiresScope("opvolging.schrijven")
  @Mutation(() => InterneTaak, { description: "Wijzigt een interne taak (alleen de meegegeven velden)." })
  updateInterneTaak(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => InterneTaakUpdateInput) input: InterneTaakUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(InterneTaakService).update(uuid, input);
  }

  @RequiresScope("opvolging.verwijderen")
  @Mutation(() => ID, { description: "Verwijdert een interne taak en haar toewijzingen (niet de actoren); geeft de uuid terug." })
  deleteInterneTaak(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(InterneTaakService).delete(uuid);
  }
}

/** Klantcontact.leiddeTotInterneTaken, from this side so that the klantcontacten module need not know taken. */
@Resolver(() => Klantcontact)
export class KlantcontactInterneTakenResolver {
  @RequiresScope("opvolging.lezen")
  @FieldResolver(() => [InterneTaak], { description: "Interne taken waartoe het klantcontact leidde." })
  leiddeTotInterneTaken(@Root() klantcontact: Klantcontact, @Ctx() ctx: RequestContext) {
    return ctx.service(InterneTaakService).vanKlantcontact(klantcontact);
  }
}

/** Partij.interneTaken: the follow-up taken of a partij's klantcontacten, from this side. */
@Resolver(() => Partij)
export class PartijInterneTakenResolver {
  @RequiresScope("opvolging.lezen")
  @FieldResolver(() => InterneTaakConnection, {
    description:
      "Interne taken naar aanleiding van klantcontacten waarbij deze partij betrokkene was, op toegewezenOp, nieuwste eerst tenzij anders gevraagd (filter op status voor de open taken).",
  })
  interneTaken(
    @Root() partij: Partij,
    @Arg("filter", () => InterneTaakFilter, { nullable: true }) filter: InterneTaakFilter | null,
    @Arg("volgorde", () => Volgorde, { nullable: true, description: VOLGORDE }) volgorde: Volgorde | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(InterneTaakService).vanPartij(partij, filter, volgorde, page);
  }
}
