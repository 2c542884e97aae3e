import type { SchemaModule } from "../schema";
import { CategorieResolver } from "./categorie.resolver";
import { CategorieRelatieResolver, PartijCategorieRelatiesResolver } from "./categorie-relatie.resolver";
import { ContactpersoonResolver, PartijResolver } from "./partij.resolver";
import { PartijService } from "./partij.service";
import { PartijIdentificatorResolver } from "./partij-identificator.resolver";
import { VertegenwoordigingResolver } from "./vertegenwoordiging.resolver";

export const partijenModule: SchemaModule = {
  resolvers: [
    PartijResolver,
    ContactpersoonResolver,
    PartijIdentificatorResolver,
    VertegenwoordigingResolver,
    CategorieResolver,
    CategorieRelatieResolver,
    PartijCategorieRelatiesResolver,
  ],
  references: {
    Partij: (ref, ctx) => ctx.service(PartijService).byUuid(ref.uuid),
  },
};
