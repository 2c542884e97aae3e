import { RequiresScope } from "../auth/access";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Partij } from "./partij.entity";
import { Vertegenwoordiging } from "./vertegenwoordiging.entity";
import { VertegenwoordigingFilter, VertegenwoordigingInput, VertegenwoordigingUpdateInput } from "./vertegenwoordiging.input";
import { VertegenwoordigingService } from "./vertegenwoordiging.service";

export const VertegenwoordigingConnection = ConnectionType(Vertegenwoordiging);

@Resolver(() => Vertegenwoordiging)
export class VertegenwoordigingResolver {
  @RequiresScope("partijen.lezen")
  @Query(() => Vertegenwoordiging, { nullable: true, description: "Een vertegenwoordiging op uuid." })
  vertegenwoordiging(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(VertegenwoordigingService).byUuid(uuid);
  }

  @RequiresScope("partijen.lezen")
  @Query(() => VertegenwoordigingConnection, { description: "Vertegenwoordigingen, nieuwste eerst." })
  vertegenwoordigingen(
    @Arg("filter", () => VertegenwoordigingFilter, { nullable: true }) filter: VertegenwoordigingFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(VertegenwoordigingService).list(filter, page);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => Vertegenwoordiging, { description: "Legt vast dat een partij een andere partij vertegenwoordigt." })
  createVertegenwoordiging(@Arg("input", () => VertegenwoordigingInput) input: VertegenwoordigingInput, @Ctx() ctx: RequestContext) {
    return ctx.service(VertegenwoordigingService).create(input);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => Vertegenwoordiging, { description: "Wijzigt een vertegenwoordiging (alleen de meegegeven velden)." })
  updateVertegenwoordiging(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => VertegenwoordigingUpdateInput) input: VertegenwoordigingUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(VertegenwoordigingService).update(uuid, input);
  }

  @RequiresScope("partijen.verwijderen")
  @Mutation(() => ID, { description: "Verwijdert een vertegenwoordiging; geeft de uuid terug." })
  deleteVertegenwoordiging(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(VertegenwoordigingService).delete(uuid);
  }

  @FieldResolver(() => Partij, { description: "Partij die een andere partij vertegenwoordigt." })
  vertegenwoordigendePartij(@Root() relatie: Vertegenwoordiging, @Ctx() ctx: RequestContext) {
    return ctx.service(VertegenwoordigingService).vertegenwoordigendePartij(relatie);
  }

  @FieldResolver(() => Partij, { description: "Partij die vertegenwoordigd wordt." })
  vertegenwoordigdePartij(@Root() relatie: Vertegenwoordiging, @Ctx() ctx: RequestContext) {
    return ctx.service(VertegenwoordigingService).vertegenwoordigdePartij(relatie);
  }
}
