import { registerEnumType } from "type-graphql";

export enum AuditSoort {
  LEZEN = "lezen",
  SCHRIJVEN = "schrijven",
  VERWIJDEREN = "verwijderen",
}
registerEnumType(AuditSoort, { name: "AuditSoort", description: "Soort verwerking van persoonsgegevens." });

export enum AuditUitkomst {
  GELUKT = "gelukt",
  GEWEIGERD = "geweigerd",
  MISLUKT = "mislukt",
}
registerEnumType(AuditUitkomst, {
  name: "AuditUitkomst",
  description: "Uitkomst van de verwerking: gelukt, geweigerd (niet toegestaan) of mislukt (fout).",
});
