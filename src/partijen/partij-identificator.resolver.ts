import { RequiresScope } from "../auth/access";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Partij } from "./partij.entity";
import { PartijIdentificator } from "./partij-identificator.entity";
import {
  PartijIdentificatorFilter,
  PartijIdentificatorGroep,
  PartijIdentificatorInput,
  PartijIdentificatorUpdateInput,
} from "./partij-identificator.input";
import { PartijIdentificatorService } from "./partij-identificator.service";

export const PartijIdentificatorConnection = ConnectionType(PartijIdentificator);

@Resolver(() => PartijIdentificator)
export class PartijIdentificatorResolver {
  @RequiresScope("partijen.lezen")
  @Query(() => PartijIdentificator, { nullable: true, description: "Een partij-identificator op uuid." })
  partijIdentificator(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijIdentificatorService).byUuid(uuid);
  }

  @RequiresScope("partijen.lezen")
  @Query(() => PartijIdentificatorConnection, { description: "Partij-identificatoren, nieuwste eerst." })
  partijIdentificatoren(
    @Arg("filter", () => PartijIdentificatorFilter, { nullable: true }) filter: PartijIdentificatorFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(PartijIdentificatorService).list(filter, page);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => PartijIdentificator, { description: "Maakt een partij-identificator." })
  createPartijIdentificator(@Arg("input", () => PartijIdentificatorInput) input: PartijIdentificatorInput, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijIdentificatorService).create(input);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => PartijIdentificator, { description: "Wijzigt een partij-identificator (alleen de meegegeven velden)." })
  updatePartijIdentificator(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => PartijIdentificatorUpdateInput) input: PartijIdentificatorUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(PartijIdentificatorService).update(uuid, input);
  }

  @RequiresScope("partijen.verwijderen")
  @Mutation(() => ID, {
    description: "Verwijdert een partij-identificator (niet zolang er sub-identificatoren onder vallen); geeft de uuid terug.",
  })
  deletePartijIdentificator(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijIdentificatorService).delete(uuid);
  }

  @FieldResolver(() => Partij, { nullable: true, description: "De partij die geïdentificeerd wordt." })
  identificeerdePartij(@Root() identificator: PartijIdentificator, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijIdentificatorService).identificeerdePartij(identificator);
  }

  @FieldResolver(() => PartijIdentificatorGroep, { name: "partijIdentificator", description: "Het identificerende gegeven." })
  groep(@Root() identificator: PartijIdentificator, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijIdentificatorService).groep(identificator);
  }

  @FieldResolver(() => PartijIdentificator, {
    nullable: true,
    description: "De identificator waaronder deze uniek is (het KvK-nummer boven een vestigingsnummer).",
  })
  subIdentificatorVan(@Root() identificator: PartijIdentificator, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijIdentificatorService).subIdentificatorVan(identificator);
  }
}
