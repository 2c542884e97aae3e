import { RequiresScope } from "../auth/access";
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { Categorie } from "./categorie.entity";
import { CategorieFilter, CategorieInput, CategorieUpdateInput } from "./categorie.input";
import { CategorieService } from "./categorie.service";

export const CategorieConnection = ConnectionType(Categorie);

@Resolver(() => Categorie)
export class CategorieResolver {
  @RequiresScope("partijen.lezen")
  @Query(() => Categorie, { nullable: true, description: "Een categorie op uuid." })
  categorie(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(CategorieService).byUuid(uuid);
  }

  @RequiresScope("partijen.lezen")
  @Query(() => CategorieConnection, { description: "Categorieën, nieuwste eerst." })
  categorieen(
    @Arg("filter", () => CategorieFilter, { nullable: true }) filter: CategorieFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(CategorieService).list(filter, page);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => Categorie, { description: "Maakt een categorie." })
  createCategorie(@Arg("input", () => CategorieInput) input: CategorieInput, @Ctx() ctx: RequestContext) {
    return ctx.service(CategorieService).create(input);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => Categorie, { description: "Wijzigt een categorie (alleen de meegegeven velden)." })
  updateCategorie(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => CategorieUpdateInput) input: CategorieUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(CategorieService).update(uuid, input);
  }

  @RequiresScope("partijen.verwijderen")
  @Mutation(() => ID, { description: "Verwijdert een categorie en haar koppelingen met partijen; geeft de uuid terug." })
  deleteCategorie(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(CategorieService).delete(uuid);
  }
}
