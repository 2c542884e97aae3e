import { isEmail, isIBAN, isISO31661Alpha2 } from "class-validator";
import { characterCount } from "./validation";

/**
 * The format rules of the standard and of Open Klant, as plain checks. Each returns null when the
 * value is valid and otherwise the Dutch reason a client reads.
 */

export type Check = (value: string) => string | null;

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

export const checkBsn: Check = (value) =>
  digits(9, value) ?? (elfproef(value) ? null : "Onjuist BSN nummer (elfproef).");

export const checkRsin: Check = (value) =>
  digits(9, value) ?? (elfproef(value) ? null : "Onjuist RSIN nummer (elfproef).");

export const checkKvkNummer: Check = (value) => digits(8, value);

export const checkVestigingsnummer: Check = (value) => digits(12, value);

const TELEFOONNUMMER = /^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$/;
// Service numbers cannot be used to reach a person back; 088 (company numbers) is allowed.
const VERBODEN_PREFIXEN = ["0800", "0900", "140"];

export const checkTelefoonnummer: Check = (value) => {
  if (VERBODEN_PREFIXEN.some((prefix) => value.startsWith(prefix))) {
    return "Telefoonnummers beginnend met 0800, 0900, 1400 of 140xx zijn niet toegestaan.";
  }
  if (!TELEFOONNUMMER.test(value)) {
    return "Het opgegeven telefoonnummer is ongeldig (bijvoorbeeld 0201234567, +31201234567, zonder spaties).";
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

export const checkBic: Check = (value) =>
  characterCount(value) >= 8 && characterCount(value) <= 11 && /^\S+$/.test(value)
    ? null
    : "Een BIC bestaat uit 8 tot 11 tekens zonder spaties.";

export const checkReferentie: Check = (value) =>
  /^[-a-zA-Z0-9_]+$/.test(value) ? null : "Gebruik alleen letters, cijfers, '-' en '_'.";

/** nummer and referentienummer hold an integer as text (Open Klant's validate_integer). */
export const checkGeheelGetal: Check = (value) => (/^-?[0-9]+$/.test(value) ? null : "Voer een geheel getal in.");

export const checkUuid: Check = (value) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? null : "Geen geldige UUID.";
