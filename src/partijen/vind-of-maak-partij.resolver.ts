import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { VindOfMaakPartijInput, VindOfMaakPartijResultaat } from "./vind-of-maak-partij.input";
import { VindOfMaakPartijService } from "./vind-of-maak-partij.service";

@Resolver()
export class VindOfMaakPartijResolver {
  @RequiresScope("partijen.schrijven")
  @Mutation(() => VindOfMaakPartijResultaat, {
    description: [
      "Zoekt de partij met deze identificator en maakt haar (met die identificator en de gegevens van partij) als ze niet bestaat; een gevonden partij wordt niet gewijzigd.",
      "Veilig bij gelijktijdige aanroepen: allemaal krijgen ze dezelfde partij, één maakt haar. Vereist ook identificatoren.lezen; een token van een burger of bedrijf vindt of maakt alleen zichzelf.",
    ].join("\n"),
  })
  vindOfMaakPartij(@Arg("input", () => VindOfMaakPartijInput) input: VindOfMaakPartijInput, @Ctx() ctx: RequestContext) {
    return ctx.service(VindOfMaakPartijService).vindOfMaak(input);
  }
}
