import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { characterCount } from "../common/validation";
import { DEFAULT_LAND, TELEFOONNUMMER_TEKENS } from "../common/validators";
import { SoortDigitaalAdres } from "./enums";

/**
 * The search form of a digitaal adres (column `zoekadres`), stored beside the adres as given so
 * that every notation of one address finds it through one indexed equality: a phone number in
 * E.164 (0612345678, 06-12345678, 0031 6 12345678 and +31612345678 all become +31612345678), an
 * e-mail address in lower case, anything else trimmed. The same functions turn a search text into
 * the form it is compared with, and the migration that added the column filled it with them.
 */
export function zoekadres(soort: SoortDigitaalAdres, adres: string): string {
  switch (soort) {
    case SoortDigitaalAdres.TELEFOONNUMMER:
      return telefoonnummerZoekvorm(adres) ?? adres.trim();
    case SoortDigitaalAdres.EMAIL:
      return emailZoekvorm(adres);
    default:
      return adres.trim();
  }
}

/** A phone number in E.164 (read as Dutch without a country code); null when the text is no phone number. */
export function telefoonnummerZoekvorm(text: string): string | null {
  if (!TELEFOONNUMMER_TEKENS.test(text.trim())) return null;
  return parsePhoneNumberFromString(text, DEFAULT_LAND)?.number ?? null;
}

/**
 * Lower case, trimmed. A letter whose lower case is longer (İ → i̇) is kept as it is, so that the
 * search form never has more characters than the adres (both columns hold 80).
 */
export function emailZoekvorm(text: string): string {
  let lower = "";
  for (const character of text.trim()) {
    const mapped = character.toLowerCase();
    lower += characterCount(mapped) === 1 ? mapped : character;
  }
  return lower;
}

/**
 * The digits a part of a phone number has in E.164, for "bevat": '+31 6 12' and '0031612' give
 * '31612', and a leading 0 is the Dutch trunk prefix ('06-12' gives '31612'); other digits stay as
 * they are ('345 678' gives '345678'). Null when the text is no part of a phone number.
 */
export function telefoonnummerCijfers(text: string): string | null {
  const trimmed = text.trim();
  if (!TELEFOONNUMMER_TEKENS.test(trimmed)) return null;
  const digits = trimmed.replace(/[^0-9]/g, "");
  if (digits === "") return null;
  if (trimmed.startsWith("+")) return digits;
  if (digits.startsWith("00")) return digits.slice(2) || null;
  if (digits.startsWith("0")) return `31${digits.slice(1)}`;
  return digits;
}
