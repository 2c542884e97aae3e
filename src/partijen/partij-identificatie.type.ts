import { createUnionType, Field, ID, ObjectType } from "type-graphql";
import { Contactnaam, volledigeNaam } from "../common/embeddables";
import { SoortPartij } from "./enums";
import type { Partij } from "./partij.entity";

/**
 * The three forms of Partij.partijIdentificatie. They are read from the partij's own columns
 * (partij.entity.ts), so they are plain objects made per partij, not entities.
 */

@ObjectType({ description: "Identificatie van een partij van soort persoon." })
export class Persoon {
  @Field(() => Contactnaam, { nullable: true, description: "Naam van de persoon." })
  contactnaam!: Contactnaam | null;

  @Field(() => String, { description: "Voornaam, voorvoegsel en achternaam samen." })
  volledigeNaam!: string;
}

@ObjectType({ description: "Identificatie van een partij van soort organisatie." })
export class Organisatie {
  @Field(() => String, { nullable: true, description: "Naam van de organisatie." })
  naam!: string | null;
}

@ObjectType({ description: "Identificatie van een partij van soort contactpersoon." })
export class Contactpersoon {
  @Field(() => ID, { nullable: true, description: "Unieke identificatie van de contactpersoon." })
  uuid!: string | null;

  @Field(() => Contactnaam, { nullable: true, description: "Naam van de contactpersoon." })
  contactnaam!: Contactnaam | null;

  @Field(() => String, { description: "Voornaam, voorvoegsel en achternaam samen." })
  volledigeNaam!: string;

  /** Storage id of the organisatie (resolved by a field resolver). */
  werkteVoorPartijId!: number | null;
}

export const PartijIdentificatie = createUnionType({
  name: "PartijIdentificatie",
  description: "Identificatie van de partij, naar soortPartij: Persoon, Organisatie of Contactpersoon.",
  types: () => [Persoon, Organisatie, Contactpersoon] as const,
  resolveType: (value) => (value instanceof Persoon ? "Persoon" : value instanceof Organisatie ? "Organisatie" : "Contactpersoon"),
});

/** The identificatie that soortPartij selects. A group whose columns are all empty reads as null. */
export function partijIdentificatie(partij: Partij): Persoon | Organisatie | Contactpersoon {
  const naam =
    partij.contactnaam && Object.values(partij.contactnaam).some((v) => v !== null && v !== undefined) ? partij.contactnaam : null;
  switch (partij.soortPartij) {
    case SoortPartij.PERSOON:
      return Object.assign(new Persoon(), { contactnaam: naam, volledigeNaam: volledigeNaam(naam) });
    case SoortPartij.ORGANISATIE:
      return Object.assign(new Organisatie(), { naam: partij.organisatienaam ?? null });
    case SoortPartij.CONTACTPERSOON:
      return Object.assign(new Contactpersoon(), {
        uuid: partij.contactpersoonUuid ?? null,
        contactnaam: naam,
        volledigeNaam: volledigeNaam(naam),
        werkteVoorPartijId: partij.werkteVoorPartij?.id ?? null,
      });
  }
}
