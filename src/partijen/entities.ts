import { Categorie } from "./categorie.entity";
import { CategorieRelatie } from "./categorie-relatie.entity";
import { DigitaalAdres } from "./digitaal-adres.entity";
import { Partij } from "./partij.entity";
import { PartijIdentificator } from "./partij-identificator.entity";
import { Rekeningnummer } from "./rekeningnummer.entity";
import { Vertegenwoordiging } from "./vertegenwoordiging.entity";

export const partijenEntities = [
  Partij,
  PartijIdentificator,
  Vertegenwoordiging,
  Rekeningnummer,
  Categorie,
  CategorieRelatie,
  DigitaalAdres,
];
