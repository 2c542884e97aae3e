import type { SchemaModule } from "../schema";
import { CategorieResolver } from "./categorie.resolver";
import { CategorieRelatieResolver, PartijCategorieRelatiesResolver } from "./categorie-relatie.resolver";
import { BetrokkeneDigitaleAdressenResolver, DigitaalAdresResolver } from "./digitaal-adres.resolver";
import { DigitaalAdresService } from "./digitaal-adres.service";
import { RekeningnummerResolver } from "./rekeningnummer.resolver";

export const partijenModule: SchemaModule = {
  resolvers: [
    CategorieResolver,
    CategorieRelatieResolver,
    PartijCategorieRelatiesResolver,
    DigitaalAdresResolver,
    BetrokkeneDigitaleAdressenResolver,
    RekeningnummerResolver,
  ],
  references: {
    DigitaalAdres: (ref, ctx) => ctx.service(DigitaalAdresService).byUuid(ref.uuid),
  },
};
