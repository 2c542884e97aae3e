import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { RegistreerKlantcontactInput, RegistreerKlantcontactResultaat } from "./registreer-klantcontact.input";
import { RegistreerKlantcontactService } from "./registreer-klantcontact.service";

@Resolver()
export class RegistreerKlantcontactResolver {
  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => RegistreerKlantcontactResultaat, {
    description: [
      "Legt een klantcontact vast met alles wat erbij hoort (actoren, betrokkenen met hun partij en digitale adressen, onderwerpobjecten, bijlagen, een interne taak), in één transactie: alles of niets. Alle fouten komen in één antwoord, met het volledige pad (bijv. betrokkenen.2.nieuweDigitaleAdressen.0.adres).",
      "Vereist daarnaast partijen.schrijven en identificatoren.lezen voor vindOfMaakPartij, en opvolging.schrijven voor actoren met vindOfMaak en voor een interne taak. Een token van een burger of bedrijf legt alleen een eigen vraag vast (de eigen partij als initiërende betrokkene), zonder actoren, bijlagen of interne taak.",
      "idempotentieSleutel (1 tot 255 tekens, per client): een herhaalde aanroep met dezelfde sleutel en dezelfde invoer legt niets nieuws vast en geeft het eerste antwoord (herhaald: true); dezelfde sleutel met andere invoer geeft code conflict.",
    ].join("\n"),
  })
  registreerKlantcontact(
    @Arg("input", () => RegistreerKlantcontactInput) input: RegistreerKlantcontactInput,
    @Arg("idempotentieSleutel", () => String, { nullable: true }) idempotentieSleutel: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(RegistreerKlantcontactService).registreer(input, idempotentieSleutel);
  }
}
