import { registerEnumType } from "type-graphql";

export enum SoortActor {
  MEDEWERKER = "medewerker",
  GEAUTOMATISEERDE_ACTOR = "geautomatiseerde_actor",
  ORGANISATORISCHE_EENHEID = "organisatorische_eenheid",
}
registerEnumType(SoortActor, { name: "SoortActor", description: "Soort actor." });

export enum Taakstatus {
  TE_VERWERKEN = "te_verwerken",
  VERWERKT = "verwerkt",
}
registerEnumType(Taakstatus, { name: "Taakstatus", description: "Status van een interne taak." });
