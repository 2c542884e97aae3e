import { registerEnumType } from "type-graphql";

export enum SoortPartij {
  PERSOON = "persoon",
  ORGANISATIE = "organisatie",
  CONTACTPERSOON = "contactpersoon",
}
registerEnumType(SoortPartij, { name: "SoortPartij", description: "Soort partij." });

export enum CodeRegister {
  BRP = "brp",
  HR = "hr",
}
registerEnumType(CodeRegister, {
  name: "CodeRegister",
  description: "Register waaruit het identificerende gegeven van een partij komt.",
});

export enum CodeObjecttype {
  NATUURLIJK_PERSOON = "natuurlijk_persoon",
  NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon",
  VESTIGING = "vestiging",
}
registerEnumType(CodeObjecttype, { name: "CodeObjecttype", description: "Type van het geïdentificeerde object." });

export enum CodeSoortObjectId {
  BSN = "bsn",
  VESTIGINGSNUMMER = "vestigingsnummer",
  KVK_NUMMER = "kvk_nummer",
  RSIN = "rsin",
}
registerEnumType(CodeSoortObjectId, {
  name: "CodeSoortObjectId",
  description: "Naam van de eigenschap die het object identificeert.",
});

export enum SoortDigitaalAdres {
  EMAIL = "email",
  TELEFOONNUMMER = "telefoonnummer",
  OVERIG = "overig",
}
registerEnumType(SoortDigitaalAdres, { name: "SoortDigitaalAdres", description: "Soort digitaal adres." });

/** How a digitaal adres is searched for (DigitaalAdresZoekInput). */
export enum Zoekwijze {
  EXACT = "exact",
  BEVAT = "bevat",
}
registerEnumType(Zoekwijze, {
  name: "Zoekwijze",
  description: "Hoe een digitaal adres gezocht wordt.",
  valuesConfig: {
    EXACT: {
      description:
        "Het adres is gelijk aan het gezochte, in welke schrijfwijze ook (telefoonnummers in de vorm E.164, e-mailadressen hoofdletterongevoelig).",
    },
    BEVAT: {
      description:
        "Het adres bevat het gezochte: bij telefoonnummers de cijfers in de vorm E.164 (een 0 vooraan als +31), anders hoofdletterongevoelig.",
    },
  },
});
