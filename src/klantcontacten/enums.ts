import { registerEnumType } from "type-graphql";

export enum Rol {
  VERTEGENWOORDIGER = "vertegenwoordiger",
  KLANT = "klant",
}
registerEnumType(Rol, { name: "Rol", description: "Rol die de betrokkene bij het klantcontact had." });
