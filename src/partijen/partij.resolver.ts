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
  @Query(() => Partij, { nullable: true, description: "Een partij op uuid." })
  partij(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).byUuid(uuid);
  }

  @Query(() => PartijConnection, { description: "Partijen, nieuwste eerst." })
  partijen(
    @Arg("filter", () => PartijFilter, { nullable: true }) filter: PartijFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(PartijService).list(filter, page);
  }

  @Mutation(() => Partij, { description: "Maakt een partij, met haar identificatoren en koppelingen, in één transactie." })
  createPartij(@Arg("input", () => PartijInput) input: PartijInput, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).create(input);
  }

  @Mutation(() => Partij, { description: "Wijzigt een partij (alleen de meegegeven velden)." })
  updatePartij(
    @Arg("uuid", () => ID) uuid: string,
    @Arg("input", () => PartijUpdateInput) input: PartijUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(PartijService).update(uuid, input);
  }

  @Mutation(() => ID, {
    description:
      "Verwijdert een partij met haar identificatoren, digitale adressen, rekeningnummers, betrokkenen en vertegenwoordigingen; geeft de uuid terug.",
  })
  deletePartij(@Arg("uuid", () => ID) uuid: string, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).delete(uuid);
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

  @FieldResolver(() => String, { nullable: true, description: "Burgerservicenummer, uit de identificatoren van de partij." })
  bsn(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).identificatorWaarde(partij, CodeSoortObjectId.BSN);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "KvK-nummer, uit de identificatoren van de partij (bij een vestiging: het KvK-nummer waaronder die valt).",
  })
  kvkNummer(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).identificatorWaarde(partij, CodeSoortObjectId.KVK_NUMMER);
  }

  @FieldResolver(() => String, { nullable: true, description: "Vestigingsnummer, uit de identificatoren van de partij." })
  vestigingsnummer(@Root() partij: Partij, @Ctx() ctx: RequestContext) {
    return ctx.service(PartijService).identificatorWaarde(partij, CodeSoortObjectId.VESTIGINGSNUMMER);
  }

  @FieldResolver(() => String, { nullable: true, description: "RSIN, uit de identificatoren van de partij." })
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
