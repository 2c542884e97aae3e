import { RequiresScope } from "../auth/access";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Categorie } from "./categorie.entity";
import { CategorieRelatie } from "./categorie-relatie.entity";
import { CategorieRelatieFilter, CategorieRelatieInput, CategorieRelatieUpdateInput } from "./categorie-relatie.input";
import { CategorieRelatieService } from "./categorie-relatie.service";
import { Partij } from "./partij.entity";

export const CategorieRelatieConnection = ConnectionType(CategorieRelatie);

@Resolver(() => CategorieRelatie)
export class CategorieRelatieResolver {
  @RequiresScope("partijen.lezen")
  @Query(() => CategorieRelatie, { nullable: true, description: "Een categorie-relatie op uuid." })
  categorieRelatie(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(CategorieRelatieService).byUuid(uuid);
  }

  @RequiresScope("partijen.lezen")
  @Query(() => CategorieRelatieConnection, { description: "Categorie-relaties, nieuwste eerst." })
  categorieRelaties(
    @Arg("filter", () => CategorieRelatieFilter, { nullable: true }) filter: CategorieRelatieFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(CategorieRelatieService).list(filter, page);
  }

  @FieldResolver(() => Partij, { nullable: true, description: "De partij die in de categorie is ingedeeld." })
  partij(@Root() relatie: CategorieRelatie, @Ctx() ctx: RequestContext) {
    return ctx.service(CategorieRelatieService).partij(relatie);
  }

  @FieldResolver(() => Categorie, { nullable: true, description: "De categorie." })
  categorie(@Root() relatie: CategorieRelatie, @Ctx() ctx: RequestContext) {
    return ctx.service(CategorieRelatieService).categorie(relatie);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => CategorieRelatie, { description: "Deelt een partij in een categorie in." })
  createCategorieRelatie(@Arg("input", () => CategorieRelatieInput) input: CategorieRelatieInput, @Ctx() ctx: RequestContext) {
    return ctx.service(CategorieRelatieService).create(input);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => CategorieRelatie, { description: "Wijzigt een categorie-relatie (alleen de meegegeven velden)." })
  updateCategorieRelatie(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => CategorieRelatieUpdateInput) input: CategorieRelatieUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(CategorieRelatieService).update(uuid, input);
  }

  @RequiresScope("partijen.verwijderen")
  @Mutation(() => ID, { description: "Verwijdert een categorie-relatie; geeft de uuid terug." })
  deleteCategorieRelatie(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(CategorieRelatieService).delete(uuid);
  }
}

/** Partij.categorieRelaties, from this side so that the partij module need not know categorieën. */
@Resolver(() => Partij)
export class PartijCategorieRelatiesResolver {
  @FieldResolver(() => [CategorieRelatie], { description: "Categorieën waarin de partij is ingedeeld (EXPERIMENTEEL)." })
  categorieRelaties(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(CategorieRelatieService).vanPartij(partij);
  }
}
