import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { expect } from "vitest";
import type { Principal } from "../../src/auth/principal";
import type { Scope } from "../../src/auth/scopes";
import {
  ScenarioOpzetActorDocument,
  ScenarioOpzetPartijDocument,
  ScenarioKlantbeeldDocument,
  type ActorInput,
  type ContactnaamInput,
  type ObjectidentificatorInput,
} from "../generated/graphql";
import { identificator } from "../support/fixtures";
import type { Result, TestApp } from "../support/app";
import { testPrincipal } from "../support/principals";

/**
 * The cases of the standard (../shared/cases) played as the front-ends play them
 * (../shared/reference/clients.md): each front-end with its own client and scopes, one request per
 * step the user takes. A Scenario counts the requests of every step so that a test can assert the
 * whole flow in one table.
 */

// The front-ends, each a configured client with the scopes it needs for its screens.

const MEDEWERKER_SCOPES: Scope[] = [
  "partijen.lezen",
  "partijen.schrijven",
  "klantcontacten.lezen",
  "klantcontacten.schrijven",
  "opvolging.lezen",
  "opvolging.schrijven",
];

/** KISS, the contact-centre app: searches by BSN (identificatoren.lezen) and registers contacts. */
export const KISS_MEDEWERKER = testPrincipal([...MEDEWERKER_SCOPES, "identificatoren.lezen"], {
  clientId: "kiss",
  userId: "sanne.jansen@gemeente.example",
  userRepresentation: "Sanne Jansen",
});

/** A colleague at the afdeling vergunningen who takes over a call in KISS (C0534). */
export const KISS_COLLEGA_VERGUNNINGEN = testPrincipal([...MEDEWERKER_SCOPES, "identificatoren.lezen"], {
  clientId: "kiss",
  userId: "pieter.bakker@gemeente.example",
  userRepresentation: "Pieter Bakker",
});

/** ITA, the back office for contactverzoeken: reads and handles tasks, never searches on a BSN. */
export const ITA_MEDEWERKER = testPrincipal(MEDEWERKER_SCOPES, {
  clientId: "ita",
  userId: "pieter.bakker@gemeente.example",
  userRepresentation: "Pieter Bakker",
});

/** The software that reads the info@ mailbox and registers each e-mail (C1199). */
export const MAILKOPPELING = testPrincipal(MEDEWERKER_SCOPES, { clientId: "mailkoppeling", userId: "", userRepresentation: "" });

/** The software that registers each finished app conversation (C9853). */
export const APPKOPPELING = testPrincipal([...MEDEWERKER_SCOPES, "identificatoren.lezen"], {
  clientId: "appkoppeling",
  userId: "",
  userRepresentation: "",
});

/** Mijn Omgeving (Open Inwoner) with the token of the citizen who logged in with DigiD. */
export function burger(bsn: string): Principal {
  return testPrincipal(["partijen.lezen", "partijen.schrijven", "klantcontacten.lezen", "klantcontacten.schrijven"], {
    clientId: "mijn-omgeving",
    userId: "",
    userRepresentation: "",
    burger: { bsn },
  });
}

/** The municipality's administrator, who set up what a case presupposes (actors, known partijen). */
export const BEHEERDER = testPrincipal(undefined, { clientId: "beheer", userId: "beheerder", userRepresentation: "Beheerder" });

// Counting requests per step.

/** A front-end acting with one principal; its requests count for the step under way. */
export class FrontEnd {
  constructor(
    private readonly scenario: Scenario,
    private readonly principal: Principal,
  ) {}

  /** Sends one request and insists it succeeded. */
  async ok<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    const result = await this.execute(document, variables);
    if (result.errors?.length) throw new Error(`request failed: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as TData;
  }

  /** Sends one request and returns the response as it is (data and errors). */
  execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<Result<TData>> {
    this.scenario.counted();
    return this.scenario.app.execute(document, variables, { principal: this.principal });
  }
}

/** One played case variant: its steps in order with the number of requests each took. */
export class Scenario {
  private readonly steps: Array<[stap: string, verzoeken: number]> = [];
  private current: number | null = null;

  constructor(readonly app: TestApp) {}

  /** The front-end of this principal (KISS, ITA, Mijn Omgeving, ...). */
  als(principal: Principal): FrontEnd {
    return new FrontEnd(this, principal);
  }

  /** One step the user takes; `work` sends its requests. */
  async stap<T>(naam: string, work: () => Promise<T>): Promise<T> {
    if (this.current !== null) throw new Error("steps do not nest");
    this.current = 0;
    try {
      return await work();
    } finally {
      this.steps.push([naam, this.current]);
      this.current = null;
    }
  }

  /** The steps played so far, each with its number of requests. */
  get verzoekenPerStap(): Array<[string, number]> {
    return [...this.steps];
  }

  /** Called by a FrontEnd for each request; a request outside a step is a mistake in the test. */
  counted(): void {
    if (this.current === null) throw new Error("every request of a scenario belongs to a step");
    this.current += 1;
  }
}

// What the cases presuppose.

/** The number of rows of every table: "nothing is registered" compares two of these. */
export async function stand(app: TestApp): Promise<Record<string, number>> {
  const em = app.orm.em.fork();
  const counts: Record<string, number> = {};
  for (const meta of Object.values(app.orm.getMetadata().getAll())) {
    if (meta.embeddable || meta.abstract || meta.virtual) continue;
    counts[meta.tableName] = await em.count(meta.class);
  }
  return counts;
}

/**
 * The rows written since `voor` (a stand), per table, leaving out the audit log (reads write it
 * too): "the records written" of a step in one assertion.
 */
export async function geschreven(app: TestApp, voor: Record<string, number>): Promise<Record<string, number>> {
  const na = await stand(app);
  const delta: Record<string, number> = {};
  for (const [table, count] of Object.entries(na)) {
    if (table !== "audit_record" && count !== voor[table]) delta[table] = count - (voor[table] ?? 0);
  }
  return delta;
}

/** Actor identificatoren as KISS and ITA write them (docs/decision-record/klantinteracties-openklant.md of KISS). */
export const actoridentificator = {
  /** The logged-in KCC medewerker, by e-mail address in the identity provider (mdw/msei/email). */
  medewerker: (email: string): ObjectidentificatorInput => ({
    codeObjecttype: "mdw",
    codeRegister: "msei",
    codeSoortObjectId: "email",
    objectId: email,
  }),
  /** An afdeling from the objects register (afd/obj/idf). */
  afdeling: (id: string): ObjectidentificatorInput => ({
    codeObjecttype: "afd",
    codeRegister: "obj",
    codeSoortObjectId: "idf",
    objectId: id,
  }),
  /** A piece of software (geautomatiseerde actor) by its name in the application register. */
  software: (id: string): ObjectidentificatorInput => ({
    codeObjecttype: "ga",
    codeRegister: "app",
    codeSoortObjectId: "idf",
    objectId: id,
  }),
};

/** The actors of the cases, as vindOfMaakActor and createActor take them. */
export const actoren = {
  sanne: {
    naam: "Sanne Jansen",
    soortActor: "MEDEWERKER",
    actoridentificator: actoridentificator.medewerker("sanne.jansen@gemeente.example"),
    actorIdentificatie: { functie: "KCC-medewerker", emailadres: "sanne.jansen@gemeente.example", telefoonnummer: "0201234567" },
  },
  pieter: {
    naam: "Pieter Bakker",
    soortActor: "MEDEWERKER",
    actoridentificator: actoridentificator.medewerker("pieter.bakker@gemeente.example"),
    actorIdentificatie: { functie: "Medewerker vergunningen", emailadres: "pieter.bakker@gemeente.example", telefoonnummer: "0201234568" },
  },
  fatima: {
    naam: "Fatima el Amrani",
    soortActor: "MEDEWERKER",
    actoridentificator: actoridentificator.medewerker("fatima.elamrani@gemeente.example"),
    actorIdentificatie: { functie: "Medewerker afval", emailadres: "fatima.elamrani@gemeente.example", telefoonnummer: "0201234569" },
  },
  vergunningen: {
    naam: "Afdeling vergunningen",
    soortActor: "ORGANISATORISCHE_EENHEID",
    actoridentificator: actoridentificator.afdeling("vergunningen"),
    actorIdentificatie: { omschrijving: "Vergunningen, toezicht en handhaving" },
  },
  kcc: {
    naam: "KCC",
    soortActor: "ORGANISATORISCHE_EENHEID",
    actoridentificator: actoridentificator.afdeling("kcc"),
    actorIdentificatie: { omschrijving: "Klantcontactcentrum" },
  },
  mailkoppeling: {
    naam: "Mailkoppeling info@",
    soortActor: "GEAUTOMATISEERDE_ACTOR",
    actoridentificator: actoridentificator.software("mailkoppeling-info"),
    actorIdentificatie: { functie: "Registreert e-mail", omschrijving: "Leest de mailbox info@ en registreert elke e-mail." },
  },
  appkoppeling: {
    naam: "Appkoppeling",
    soortActor: "GEAUTOMATISEERDE_ACTOR",
    actoridentificator: actoridentificator.software("appkoppeling"),
    actorIdentificatie: { functie: "Registreert app-gesprekken", omschrijving: "Registreert elk afgerond app-gesprek." },
  },
} satisfies Record<string, ActorInput>;

export type ActorNaam = keyof typeof actoren;

/** Registers the actors a case presupposes ("de medewerker is reeds als actor bekend"); returns their uuids. */
export async function bekendeActoren<N extends ActorNaam>(app: TestApp, ...namen: N[]): Promise<Record<N, string>> {
  const uuids = {} as Record<N, string>;
  for (const naam of namen) {
    uuids[naam] = (await app.ok(ScenarioOpzetActorDocument, { input: actoren[naam] }, { principal: BEHEERDER })).createActor.uuid;
  }
  return uuids;
}

/**
 * A person who consented earlier to have their details kept: a partij with a BSN identificator and
 * standaard e-mail address and phone number. Returns its uuid.
 */
export async function bekendePartij(
  app: TestApp,
  persoon: { bsn: string; contactnaam: ContactnaamInput; email: string; telefoonnummer: string },
): Promise<string> {
  const { createPartij } = await app.ok(
    ScenarioOpzetPartijDocument,
    {
      input: {
        soortPartij: "PERSOON",
        indicatieActief: true,
        voorkeurstaal: "nld",
        partijIdentificatie: { contactnaam: persoon.contactnaam },
        partijIdentificatoren: [{ partijIdentificator: identificator.bsn(persoon.bsn) }],
        nieuweDigitaleAdressen: [
          { adres: persoon.email, soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
          { adres: persoon.telefoonnummer, soortDigitaalAdres: "TELEFOONNUMMER", isStandaardAdres: true },
        ],
      },
    },
    { principal: BEHEERDER },
  );
  return createPartij.uuid;
}

/**
 * The klantbeeld afterwards, as the README's query shows it (this subgraph's part), read with the
 * principal of the front-end that shows it. Not a step of the case: what the next user would see.
 */
export async function klantbeeld(app: TestApp, bsn: string, principal: Principal = KISS_MEDEWERKER) {
  const { partijen } = await app.ok(ScenarioKlantbeeldDocument, { bsn }, { principal });
  expect(partijen.edges).toHaveLength(1);
  return partijen.edges[0]!.node;
}
