import type { SchemaModule } from "../schema";
import { CategorieResolver } from "./categorie.resolver";
import { CategorieRelatieResolver, PartijCategorieRelatiesResolver } from "./categorie-relatie.resolver";
import { BetrokkeneDigitaleAdressenResolver, DigitaalAdresResolver } from "./digitaal-adres.resolver";
import { DigitaalAdresService } from "./digitaal-adres.service";
import { ContactpersoonResolver, PartijResolver } from "./partij.resolver";
import { PartijService } from "./partij.service";
import { PartijIdentificatorResolver } from "./partij-identificator.resolver";
import { RekeningnummerResolver } from "./rekeningnummer.resolver";
import { VertegenwoordigingResolver } from "./vertegenwoordiging.resolver";
import { VindOfMaakPartijResolver } from "./vind-of-maak-partij.resolver";

export const partijenModule: SchemaModule = {
  resolvers: [
    PartijResolver,
    ContactpersoonResolver,
    PartijIdentificatorResolver,
    VertegenwoordigingResolver,
    DigitaalAdresResolver,
    BetrokkeneDigitaleAdressenResolver,
    RekeningnummerResolver,
    CategorieResolver,
    CategorieRelatieResolver,
    PartijCategorieRelatiesResolver,
    VindOfMaakPartijResolver,
  ],
  // Batched through the services' uuid loaders: N references, one statement per type. Async, so
  // that a refusal (FORBIDDEN) is the error of each representation, not of the whole _entities.
  references: {
    Partij: async (ref, ctx) => ctx.service(PartijService).byUuid(ref.uuid),
    DigitaalAdres: async (ref, ctx) => ctx.service(DigitaalAdresService).byUuid(ref.uuid),
  },
};
