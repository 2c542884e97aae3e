import { createUnionType, Field, ObjectType } from "type-graphql";
import type { Actor } from "./actor.entity";
import { SoortActor } from "./enums";

/**
 * The three shapes of Actor.actorIdentificatie. They are read from the actor's own row (the
 * columns functie, emailadres, ... of actor.entity.ts), so they cost no SQL; which shape applies
 * follows soortActor.
 */

@ObjectType({ description: "Identificatie van een medewerker van de gemeente." })
export class Medewerker {
  @Field(() => String, { description: "Functie van de medewerker of beschrijving van de werkzaamheden die deze uitvoert." })
  functie!: string;

  @Field(() => String, { nullable: true, description: "Elektronisch postadres waaronder de medewerker in de regel bereikbaar is." })
  emailadres!: string | null;

  // Required for a medewerker, yet nullable here: fields of the same name must have the same type in
  // every member of the union, or a client cannot select them side by side (OrganisatorischeEenheid).
  @Field(() => String, {
    nullable: true,
    description: "Telefoonnummer waaronder de medewerker in de regel bereikbaar is (verplicht bij het vastleggen).",
  })
  telefoonnummer!: string | null;
}

@ObjectType({ description: "Identificatie van een geautomatiseerde actor (bijvoorbeeld een chatbot of formulierenservice)." })
export class GeautomatiseerdeActor {
  @Field(() => String, { description: "Functie van de geautomatiseerde actor of beschrijving van de werkzaamheden die deze uitvoert." })
  functie!: string;

  @Field(() => String, { nullable: true, description: "Omschrijving van de geautomatiseerde actor." })
  omschrijving!: string | null;
}

@ObjectType({ description: "Identificatie van een organisatorische eenheid (afdeling, team of groep) van de gemeente." })
export class OrganisatorischeEenheid {
  @Field(() => String, { nullable: true, description: "Omschrijving van de organisatorische eenheid." })
  omschrijving!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Elektronisch postadres waaronder de organisatorische eenheid in de regel bereikbaar is.",
  })
  emailadres!: string | null;

  @Field(() => String, { nullable: true, description: "Faxnummer waaronder de organisatorische eenheid in de regel bereikbaar is." })
  faxnummer!: string | null;

  @Field(() => String, { nullable: true, description: "Telefoonnummer waaronder de organisatorische eenheid in de regel bereikbaar is." })
  telefoonnummer!: string | null;
}

export const ActorIdentificatie = createUnionType({
  name: "ActorIdentificatie",
  description: "Gegevens die de actor identificeren; de vorm hangt af van soortActor.",
  types: () => [Medewerker, GeautomatiseerdeActor, OrganisatorischeEenheid] as const,
  resolveType: (value) => {
    if (value instanceof Medewerker) return "Medewerker";
    if (value instanceof GeautomatiseerdeActor) return "GeautomatiseerdeActor";
    return "OrganisatorischeEenheid";
  },
});

/** The identificatie columns each soort uses; the others stay empty. */
export const IDENTIFICATIE_VELDEN = {
  [SoortActor.MEDEWERKER]: ["functie", "emailadres", "telefoonnummer"],
  [SoortActor.GEAUTOMATISEERDE_ACTOR]: ["functie", "omschrijving"],
  [SoortActor.ORGANISATORISCHE_EENHEID]: ["omschrijving", "emailadres", "faxnummer", "telefoonnummer"],
} as const satisfies Record<SoortActor, readonly IdentificatieVeld[]>;

/** The identificatie fields that a soort cannot do without. */
export const VERPLICHTE_VELDEN: Record<SoortActor, readonly IdentificatieVeld[]> = {
  [SoortActor.MEDEWERKER]: ["functie", "telefoonnummer"],
  [SoortActor.GEAUTOMATISEERDE_ACTOR]: ["functie"],
  [SoortActor.ORGANISATORISCHE_EENHEID]: [],
};

export const ALLE_IDENTIFICATIE_VELDEN = ["functie", "emailadres", "telefoonnummer", "omschrijving", "faxnummer"] as const;
export type IdentificatieVeld = (typeof ALLE_IDENTIFICATIE_VELDEN)[number];

/**
 * The actorIdentificatie of an actor row: null when none was recorded (it is optional in the
 * standard), else the object of its soort.
 */
export function actorIdentificatie(actor: Actor): Medewerker | GeautomatiseerdeActor | OrganisatorischeEenheid | null {
  const velden = IDENTIFICATIE_VELDEN[actor.soortActor] as readonly IdentificatieVeld[];
  if (velden.every((veld) => actor[veld] === null || actor[veld] === undefined)) return null;
  const type = { medewerker: Medewerker, geautomatiseerde_actor: GeautomatiseerdeActor, organisatorische_eenheid: OrganisatorischeEenheid }[
    actor.soortActor
  ];
  const result = new type() as unknown as Record<string, unknown>;
  for (const veld of velden) result[veld] = actor[veld] ?? null;
  return result as unknown as Medewerker | GeautomatiseerdeActor | OrganisatorischeEenheid;
}
