import type { SchemaModule } from "../schema";
import { CategorieResolver } from "./categorie.resolver";
import { CategorieRelatieResolver, PartijCategorieRelatiesResolver } from "./categorie-relatie.resolver";

export const partijenModule: SchemaModule = {
  resolvers: [CategorieResolver, CategorieRelatieResolver, PartijCategorieRelatiesResolver],
  references: {},
};
