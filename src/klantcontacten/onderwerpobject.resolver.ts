import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Klantcontact } from "./klantcontact.entity";
import { Onderwerpobject } from "./onderwerpobject.entity";
import {
  DeleteOnderwerpobjectResult,
  OnderwerpobjectFilter,
  OnderwerpobjectInput,
  OnderwerpobjectUpdateInput,
} from "./onderwerpobject.input";
import { OnderwerpobjectService } from "./onderwerpobject.service";

export const OnderwerpobjectConnection = ConnectionType(Onderwerpobject);

@Resolver(() => Onderwerpobject)
export class OnderwerpobjectResolver {
  @RequiresScope("klantcontacten.lezen")
  @Query(() => Onderwerpobject, { nullable: true, description: "Een onderwerpobject op uuid." })
  onderwerpobject(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(OnderwerpobjectService).byUuid(uuid);
  }

  @RequiresScope("klantcontacten.lezen")
  @Query(() => OnderwerpobjectConnection, { description: "Onderwerpobjecten, nieuwste eerst." })
  onderwerpobjecten(
    @Arg("filter", () => OnderwerpobjectFilter, { nullable: true }) filter: OnderwerpobjectFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(OnderwerpobjectService).list(filter, page);
  }

  @FieldResolver(() => Klantcontact, { nullable: true, description: "Het klantcontact dat over dit object ging." })
  klantcontact(@Root() onderwerpobject: Onderwerpobject, @Ctx() ctx: RequestContext) {
    return ctx.service(OnderwerpobjectService).klantcontact(onderwerpobject);
  }

  @FieldResolver(() => Klantcontact, {
    nullable: true,
    description: "Het klantcontact dat dit onderwerpobject is, bijvoorbeeld de vraag waarop het klantcontact het antwoord was.",
  })
  wasKlantcontact(@Root() onderwerpobject: Onderwerpobject, @Ctx() ctx: RequestContext) {
    return ctx.service(OnderwerpobjectService).wasKlantcontact(onderwerpobject);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => Onderwerpobject, { description: "Legt een onderwerpobject vast." })
  createOnderwerpobject(@Arg("input", () => OnderwerpobjectInput) input: OnderwerpobjectInput, @Ctx() ctx: RequestContext) {
    return ctx.service(OnderwerpobjectService).create(input);
  }

  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => Onderwerpobject, { description: "Wijzigt een onderwerpobject (alleen de meegegeven velden)." })
  updateOnderwerpobject(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => OnderwerpobjectUpdateInput) input: OnderwerpobjectUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(OnderwerpobjectService).update(uuid, input);
  }

  @RequiresScope("klantcontacten.verwijderen")
  @Mutation(() => DeleteOnderwerpobjectResult, {
    description:
      "Verwijdert een onderwerpobject. Met cascade ook zijn klantcontact en wasKlantcontact (met hun betrokkenen en de digitale adressen die alleen aan die betrokkenen hangen), behalve klantcontacten waarnaar een ander onderwerpobject nog verwijst: die staan in behouden.",
  })
  deleteOnderwerpobject(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("cascade", () => Boolean, { defaultValue: false, description: "Also delete the related klantcontacten." })
    cascade: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(OnderwerpobjectService).delete(uuid, cascade);
  }
}
