import { isBIC, isEmail, isIBAN, isISO31661Alpha2 } from "class-validator";
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode, type PhoneNumberType } from "libphonenumber-js/max";
import { characterCount } from "./validation";

/**
 * The format rules of the standard and of Open Klant, as plain checks. Each returns null when the
 * value is valid and otherwise the Dutch reason a client reads.
 */

export type Check = (value: string) => string | null;

/** A phone number without a country code is Dutch. */
export const DEFAULT_LAND: CountryCode = "NL";

/** Elfproef: weights 9..2 on the first eight digits, -1 on the last; the sum must divide by 11. */
function elfproef(value: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

function digits(length: number, value: string): string | null {
  if (characterCount(value) !== length) return `Waarde moet ${length} tekens lang zijn.`;
  if (!/^[0-9]+$/.test(value)) return "Voer een numerieke waarde in.";
  return null;
}

export const checkBsn: Check = (value) => digits(9, value) ?? (elfproef(value) ? null : "Onjuist BSN nummer (elfproef).");

export const checkRsin: Check = (value) => digits(9, value) ?? (elfproef(value) ? null : "Onjuist RSIN nummer (elfproef).");

export const checkKvkNummer: Check = (value) => digits(8, value);

export const checkVestigingsnummer: Check = (value) => digits(12, value);

/** What a person writes in a phone number: digits, a leading '+', and spaces, '-', '.', '(' or ')' between them. */
export const TELEFOONNUMMER_TEKENS = /^\+?[0-9 ().-]+$/;

/**
 * Numbers that cannot be used to reach a person back at normal cost: premium-rate and shared-cost
 * numbers (the Dutch 0900, 0906 and 0909 ranges; the same types of other countries) as the
 * metadata of libphonenumber-js classifies them. Free numbers (0800) are allowed.
 */
const BETAALNUMMERS = new Set<PhoneNumberType>(["PREMIUM_RATE", "SHARED_COST"]);

const landnamen = new Intl.DisplayNames(["nl"], { type: "region" });

/**
 * A phone number by the numbering plans of libphonenumber-js (its full metadata, for number
 * types): without a country code (+31 or 0031) it is read as Dutch. The number must exist in its
 * country's plan with that country's length, and may not be a premium or shared-cost number in any
 * notation (0900123456, +31900123456, 0031900123456 and 0900-123 456 alike). Open Klant's rule
 * checks the first digits of the text as written, which let +31900123456 and 15-digit numbers pass.
 */
export const checkTelefoonnummer: Check = (value) => {
  if (!TELEFOONNUMMER_TEKENS.test(value)) {
    return "Een telefoonnummer bestaat uit cijfers, eventueel met een '+' vooraan en spaties, '-', '.' of haakjes ertussen (bijvoorbeeld 020-1234567 of +31 20 123 4567).";
  }
  const lengte = validatePhoneNumberLength(value, DEFAULT_LAND);
  if (lengte === "INVALID_COUNTRY") return "Het opgegeven telefoonnummer heeft een onbekende landcode.";
  const nummer = parsePhoneNumberFromString(value, DEFAULT_LAND);
  if (!nummer) return "Het opgegeven telefoonnummer is ongeldig: er staan te weinig cijfers in.";
  // Short government numbers (14 + netnummer, 1400) reach an office, not the partij: Open Klant refuses them too.
  if (nummer.countryCallingCode === "31" && nummer.nationalNumber.startsWith("14")) {
    return "Verkorte nummers van de overheid (1400 en 140xx) zijn niet toegestaan.";
  }
  const land = nummer.country ? landnamen.of(nummer.country) : undefined;
  if (lengte === "TOO_LONG") return `Het opgegeven telefoonnummer is te lang${land ? ` voor ${land}` : ""}.`;
  if (lengte === "TOO_SHORT") return `Het opgegeven telefoonnummer is te kort${land ? ` voor ${land}` : ""}.`;
  if (!nummer.isValid()) {
    return `Het opgegeven telefoonnummer bestaat niet${land ? ` in ${land}` : ""}: dit nummerbereik is niet in gebruik.`;
  }
  const type = nummer.getType();
  if (type && BETAALNUMMERS.has(type)) {
    return "Betaalnummers en informatienummers (zoals 0900, 0906 en 0909) zijn niet toegestaan.";
  }
  return null;
};

export const checkEmail: Check = (value) => (isEmail(value) ? null : "Voer een geldig e-mailadres in.");

export const checkPostcode: Check = (value) =>
  /^[1-9][0-9]{3} [A-Z]{2}$/.test(value) ? null : "Ongeldige postcode; gebruik vier cijfers, een spatie en twee hoofdletters: '1234 AB'.";

export const checkNummeraanduidingId: Check = (value) =>
  /^[0-9]{16}$/.test(value) ? null : "Ongeldige nummeraanduiding BAG-ID; die bestaat uit 16 cijfers.";

export const checkLand: Check = (value) => {
  if (value === value.toUpperCase() && value.length === 2 && isISO31661Alpha2(value)) return null;
  if (isISO31661Alpha2(value.toUpperCase()) && value.length === 2) {
    return `Landcode moet in hoofdletters. Bedoelde u ${value.toUpperCase()}?`;
  }
  return "Geen geldige landcode volgens ISO 3166-1 alpha-2.";
};

/** Goes further than Open Klant, which checks only the pattern: the mod-97 checksum must hold. */
export const checkIban: Check = (value) => {
  if (!/^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$/.test(value)) {
    return "Ongeldig IBAN; gebruik landcode, controlegetal en rekeningnummer zonder spaties.";
  }
  return isIBAN(value.toUpperCase()) ? null : "Ongeldig IBAN: het controlegetal klopt niet.";
};

/**
 * A BIC (ISO 9362) by class-validator's isBIC: four letters for the bank, a country that exists,
 * two letters or digits for the location and optionally three for the branch (8 or 11 characters).
 * Open Klant checks only the length. Lower case is accepted; it is stored in upper case.
 */
export const checkBic: Check = (value) => {
  if (characterCount(value) !== 8 && characterCount(value) !== 11) return "Een BIC bestaat uit 8 of 11 tekens.";
  return isBIC(value.toUpperCase())
    ? null
    : "Ongeldige BIC; gebruik vier letters voor de bank, de landcode, twee tekens voor de plaats en eventueel drie voor het filiaal (bijvoorbeeld INGBNL2A).";
};

export const checkReferentie: Check = (value) => (/^[-a-zA-Z0-9_]+$/.test(value) ? null : "Gebruik alleen letters, cijfers, '-' en '_'.");

/** nummer and referentienummer hold an integer as text (Open Klant's validate_integer). */
export const checkGeheelGetal: Check = (value) => (/^-?[0-9]+$/.test(value) ? null : "Voer een geheel getal in.");

export const checkUuid: Check = (value) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? null : "Geen geldige UUID.";
