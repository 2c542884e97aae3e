import { RequiresScope } from "../auth/access";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { DigitaalAdres } from "./digitaal-adres.entity";
import { CodeSoortObjectId } from "./enums";
import { Contactpersoon, PartijIdentificatie } from "./partij-identificatie.type";
import { Partij } from "./partij.entity";
import { PartijFilter, PartijInput, PartijUpdateInput } from "./partij.input";
import { PartijService } from "./partij.service";
import { PartijIdentificator } from "./partij-identificator.entity";
import { PartijIdentificatorService } from "./partij-identificator.service";
import { Rekeningnummer } from "./rekeningnummer.entity";

export const PartijConnection = ConnectionType(Partij);

@Resolver(() => Partij)
export class PartijResolver {
  @RequiresScope("partijen.lezen")
  @Query(() => Partij, { nullable: true, description: "Een partij op uuid." })
  partij(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).byUuid(uuid);
  }

  @RequiresScope("partijen.lezen")
  @Query(() => PartijConnection, { description: "Partijen, nieuwste eerst." })
  partijen(
    @Arg("filter", () => PartijFilter, { nullable: true }) filter: PartijFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(PartijService).list(filter, page);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => Partij, { description: "Maakt een partij, met haar identificatoren en koppelingen, in één transactie." })
  createPartij(@Arg("input", () => PartijInput) input: PartijInput, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).create(input);
  }

  @RequiresScope("partijen.schrijven")
  @Mutation(() => Partij, { description: "Wijzigt een partij (alleen de meegegeven velden)." })
  updatePartij(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => PartijUpdateInput) input: PartijUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(PartijService).update(uuid, input);
  }

  @RequiresScope("partijen.verwijderen")
  @Mutation(() => ID, {
    description:
      "Verwijdert een partij met haar identificatoren, digitale adressen, rekeningnummers, betrokkenen en vertegenwoordigingen; geeft de uuid terug.",
  })
  deletePartij(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).delete(uuid);
  }

  @FieldResolver(() => String, {
    description: "Mededelingen, aantekeningen of bijzonderheden over de partij, intern; leeg voor een token van een burger of bedrijf.",
  })
  interneNotitie(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).interneNotitie(partij);
  }

  @FieldResolver(() => PartijIdentificatie, { description: "Identificatie van de partij, naar soortPartij." })
  partijIdentificatie(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).identificatie(partij);
  }

  @FieldResolver(() => [PartijIdentificator], { description: "Gegevens die de partij in een register identificeren." })
  partijIdentificatoren(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijIdentificatorService).vanPartij(partij);
  }

  @FieldResolver(() => [DigitaalAdres], { description: "Digitale adressen die de partij verstrekte voor toekomstig contact." })
  digitaleAdressen(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).digitaleAdressen(partij);
  }

  @FieldResolver(() => DigitaalAdres, {
    nullable: true,
    description:
      "Digitaal adres waarop de partij bij voorkeur benaderd wordt; altijd een van haar eigen digitaleAdressen. Wordt het adres naar een andere partij verplaatst of ontkoppeld, dan vervalt deze voorkeur (null); de andere partij krijgt het niet als voorkeur.",
  })
  voorkeursDigitaalAdres(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).voorkeursDigitaalAdres(partij);
  }

  @FieldResolver(() => [Rekeningnummer], { description: "Rekeningnummers van de partij." })
  rekeningnummers(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).rekeningnummers(partij);
  }

  @FieldResolver(() => Rekeningnummer, {
    nullable: true,
    description:
      "Rekeningnummer dat de partij bij voorkeur gebruikt; altijd een van haar eigen rekeningnummers. Wordt het rekeningnummer naar een andere partij verplaatst of ontkoppeld, dan vervalt deze voorkeur (null).",
  })
  voorkeursRekeningnummer(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).voorkeursRekeningnummer(partij);
  }

  @FieldResolver(() => [Partij], { description: "Partijen die door deze partij vertegenwoordigd worden." })
  vertegenwoordigden(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).vertegenwoordigden(partij);
  }

  // The four identification values are null without identificatoren.lezen (PartijService). They
  // carry no @requiresScopes: the Zaak subgraph's contract (schema/zaken.graphql) @requires them
  // for Partij.zaken, and composition then demands the same requirement on that field, which is
  // the other team's to declare. Until then routers cannot refuse them at the edge; this subgraph does.
  @FieldResolver(() => String, {
    nullable: true,
    description: "Burgerservicenummer, uit de identificatoren van de partij; null zonder scope identificatoren.lezen.",
  })
  bsn(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).identificatorWaarde(partij, CodeSoortObjectId.BSN);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "KvK-nummer, uit de identificatoren van de partij (bij een vestiging: het KvK-nummer waaronder die valt); null zonder scope identificatoren.lezen.",
  })
  kvkNummer(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).identificatorWaarde(partij, CodeSoortObjectId.KVK_NUMMER);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Vestigingsnummer, uit de identificatoren van de partij; null zonder scope identificatoren.lezen.",
  })
  vestigingsnummer(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).identificatorWaarde(partij, CodeSoortObjectId.VESTIGINGSNUMMER);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "RSIN, uit de identificatoren van de partij; null zonder scope identificatoren.lezen.",
  })
  rsin(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).identificatorWaarde(partij, CodeSoortObjectId.RSIN);
  }
}

@Resolver(() => Contactpersoon)
export class ContactpersoonResolver {
  @FieldResolver(() => Partij, { nullable: true, description: "Organisatie waarvoor de contactpersoon werkte." })
  werkteVoorPartij(@Root() contactpersoon: Contactpersoon, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).werkteVoorPartij(contactpersoon);
  }
}
