import { requireAreaScope, requireStaffScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import type { RequestContext } from "../common/context";
import { ForbiddenError, InvalidParams, NotFoundError, path, type InvalidParam } from "../common/errors";
import { checkUuid } from "../common/validators";
import { fieldErrors } from "../common/validation";
import { IdempotencyKeyService } from "../idempotency/idempotency-key.service";
import type { Actor } from "../opvolging/actor.entity";
import { ActorService, type ActorVerwijzingPlan } from "../opvolging/actor.service";
import { InterneTaakService } from "../opvolging/interne-taak.service";
import { DigitaalAdresService } from "../partijen/digitaal-adres.service";
import type { DigitaalAdres } from "../partijen/digitaal-adres.entity";
import type { Partij } from "../partijen/partij.entity";
import { PartijService } from "../partijen/partij.service";
import { VindOfMaakPartijService, type VindOfMaakPartijPlan } from "../partijen/vind-of-maak-partij.service";
import { ActorKlantcontactService } from "./actor-klantcontact.service";
import type { Betrokkene } from "./betrokkene.entity";
import { MaakKlantcontactBetrokkeneInput } from "./betrokkene.input";
import { BetrokkeneService, type BetrokkeneReferences } from "./betrokkene.service";
import { BijlageService } from "./bijlage.service";
import { Klantcontact } from "./klantcontact.entity";
import { KlantcontactService } from "./klantcontact.service";
import { MaakKlantcontactOnderwerpobjectInput } from "./onderwerpobject.input";
import { OnderwerpobjectService, type OnderwerpobjectReferences } from "./onderwerpobject.service";
import type {
  RegistreerKlantcontactInput,
  RegistreerKlantcontactResultaat,
  RegistreerOnderwerpobjectInput,
} from "./registreer-klantcontact.input";

const OPERATIE = "registreerKlantcontact";

/** How a zaak link is stored, so that the Zaak subgraph finds the zaak (see ZaakService for both conventions). */
const ZAAK_OP_UUID = { codeObjecttype: "zgw-Zaak", codeRegister: "openzaak", codeSoortObjectId: "uuid" };
const ZAAK_OP_IDENTIFICATIE = { codeObjecttype: "zaak", codeRegister: "openzaak", codeSoortObjectId: "identificatie" };

/** The uuids a call wrote: stored with its idempotency key, from which a retry's answer is read. */
interface Written {
  klantcontact: string;
  actoren: string[];
  actorKlantcontacten: string[];
  betrokkenen: string[];
  digitaleAdressen: string[];
  partijen: Array<{ uuid: string; aangemaakt: boolean }>;
  onderwerpobjecten: string[];
  bijlagen: string[];
  interneTaak: string | null;
}

/** Everything checked, ready to write. */
interface Plan {
  actoren: ActorVerwijzingPlan[];
  taakActoren: ActorVerwijzingPlan[];
  betrokkenen: Array<{ input: MaakKlantcontactBetrokkeneInput; references: BetrokkeneReferences; partij: number | null }>;
  partijen: VindOfMaakPartijPlan[];
  onderwerpobjecten: Array<{ input: MaakKlantcontactOnderwerpobjectInput; references: OnderwerpobjectReferences }>;
}

/** Problems of one list item or part, kept apart so that the answer lists them in input order. */
const part = () => new InvalidParams();

/**
 * registreerKlantcontact: the standard's maak-klantcontact and everything the front-ends write
 * around it (actors, betrokkenen with their partij found or created and their addresses,
 * onderwerpobjecten, bijlagen, an interne taak), in one transaction through the same check and
 * build code as the single mutations. Every part is checked first and all problems are answered
 * at once with their full input paths; then everything is built and flushed. The lookups are
 * batched per kind and the partijen and actors to be made are written together, so the statements
 * do not grow with the lists. With an idempotency key a retry gets the first answer.
 */
export class RegistreerKlantcontactService {
  constructor(private readonly ctx: RequestContext) {}

  async registreer(
    input: RegistreerKlantcontactInput,
    idempotentieSleutel: string | null | undefined,
  ): Promise<RegistreerKlantcontactResultaat> {
    this.mayWrite(input);
    const sleutelProblems = new InvalidParams();
    IdempotencyKeyService.check(idempotentieSleutel, "idempotentieSleutel", sleutelProblems);
    sleutelProblems.throwIfAny();
    const idempotency = this.ctx.service(IdempotencyKeyService);

    const outcome = await this.ctx.transaction(async (): Promise<{ result: RegistreerKlantcontactResultaat } | { herhaald: Written }> => {
      const claim = idempotentieSleutel ? await idempotency.claim(OPERATIE, idempotentieSleutel, input, "idempotentieSleutel") : null;
      if (claim && !claim.first) return { herhaald: claim.resultaat as unknown as Written };
      const problems = new InvalidParams();
      const plan = await this.check(input, problems);
      problems.throwIfAny();
      const result = await this.write(input, plan);
      if (claim?.first) {
        idempotency.store(OPERATIE, idempotentieSleutel!, claim.hash, written(result) as unknown as Record<string, unknown>);
        await this.ctx.em.flush();
      }
      return { result };
    });
    if ("result" in outcome) {
      // Links written with plain UPDATEs (a new partij's linked addresses) are read afresh (see PartijService.afterWrite).
      this.ctx.em.clear();
      return outcome.result;
    }
    return this.read(outcome.herhaald);
  }

  /**
   * Scopes first, before any SQL. A citizen-bound token registers only its own question (its own
   * partij as initiating betrokkene, as with maakKlantcontact); actors, bijlagen and interne taken
   * are the municipality's own and refused to it.
   */
  private mayWrite(input: RegistreerKlantcontactInput): void {
    requireAreaScope(this.ctx, "klantcontacten", "schrijven");
    const betrokkenen = input.betrokkenen ?? [];
    this.ctx.service(VindOfMaakPartijService).mayUse(betrokkenen.flatMap((b) => (b.vindOfMaakPartij ? [b.vindOfMaakPartij] : [])));
    if (input.interneTaak) requireStaffScope(this.ctx, "opvolging", "schrijven");
    if (isBurger(this.ctx.principal)) {
      if (input.actoren?.length || input.bijlagen?.length) {
        throw new ForbiddenError("Met een token van een burger of bedrijf kunnen geen actoren of bijlagen worden vastgelegd.");
      }
      if (!betrokkenen.some((b) => b.initiator && (b.wasPartij || b.vindOfMaakPartij))) {
        throw new ForbiddenError(
          "Met een token van een burger of bedrijf kan alleen een eigen vraag worden vastgelegd: met de eigen partij als initiërende betrokkene.",
        );
      }
    }
  }

  /** Every rule of every part, all lookups of a kind in one statement; problems in input order. */
  private async check(input: RegistreerKlantcontactInput, problems: InvalidParams): Promise<Plan> {
    const actorService = this.ctx.service(ActorService);
    const betrokkenen = input.betrokkenen ?? [];
    const onderwerpobjecten = input.onderwerpobjecten ?? [];
    const bijlagen = input.bijlagen ?? [];
    const taak = input.interneTaak;

    const klantcontactProblems = part();
    const actorProblems = part();
    const betrokkeneProblems = betrokkenen.map(part);
    const partijProblems = part();
    const onderwerpProblems = onderwerpobjecten.map(part);
    const bijlageProblems = bijlagen.map(part);
    const taakProblems = part();

    // Started together, so that the DataLoaders batch the lookups of each kind across the parts.
    const [, actoren, checkedBetrokkenen, partijen, checkedOnderwerpobjecten, , taakActoren] = await Promise.all([
      this.ctx
        .service(KlantcontactService)
        .check(input.klantcontact, null, "klantcontact")
        .then((p) => klantcontactProblems.addAll(p)),
      actorService.checkVerwijzingen(input.actoren ?? [], "actoren", actorProblems),
      Promise.all(betrokkenen.map((betrokkene, i) => this.checkBetrokkene(betrokkene, i, betrokkeneProblems[i]))),
      this.ctx.service(VindOfMaakPartijService).check(
        betrokkenen.flatMap((b, i) =>
          b.vindOfMaakPartij && !b.wasPartij ? [{ input: b.vindOfMaakPartij, prefix: path("betrokkenen", i, "vindOfMaakPartij") }] : [],
        ),
        partijProblems,
      ),
      Promise.all(onderwerpobjecten.map((o, i) => this.checkOnderwerpobject(o, path("onderwerpobjecten", i), onderwerpProblems[i]))),
      Promise.all(bijlagen.map(async (b, i) => bijlageProblems[i].addAll(await fieldErrors(b, path("bijlagen", i))))),
      taak ? this.checkTaak(taak, taakProblems) : Promise.resolve([]),
    ]);

    for (const found of [
      klantcontactProblems,
      actorProblems,
      ...betrokkeneProblems,
      partijProblems,
      ...onderwerpProblems,
      ...bijlageProblems,
      taakProblems,
    ]) {
      problems.addAll(found.params);
    }
    // the partij plans in betrokkene order: the n-th plan belongs to the n-th betrokkene with vindOfMaakPartij
    let next = 0;
    return {
      actoren,
      taakActoren,
      betrokkenen: checkedBetrokkenen.map((b, i) => ({
        ...b,
        partij: betrokkenen[i].vindOfMaakPartij && !betrokkenen[i].wasPartij ? next++ : null,
      })),
      partijen,
      onderwerpobjecten: checkedOnderwerpobjecten,
    };
  }

  private async checkBetrokkene(
    betrokkene: NonNullable<RegistreerKlantcontactInput["betrokkenen"]>[number],
    i: number,
    problems: InvalidParams,
  ) {
    const prefix = path("betrokkenen", i);
    if (betrokkene.wasPartij != null && betrokkene.vindOfMaakPartij != null) {
      problems.add(path(prefix, "vindOfMaakPartij"), "invalid", "Geef hoogstens één van wasPartij en vindOfMaakPartij op.");
    }
    // The betrokkene as maakKlantcontact knows it: its own rules and references, unchanged.
    const { vindOfMaakPartij: _partij, nieuweDigitaleAdressen: _adressen, ...velden } = betrokkene;
    const mapped = Object.assign(new MaakKlantcontactBetrokkeneInput(), velden);
    const adressen = this.ctx.service(DigitaalAdresService);
    const [checked] = await Promise.all([
      this.ctx.service(BetrokkeneService).check(mapped, prefix),
      ...(betrokkene.nieuweDigitaleAdressen ?? []).map((adres, j) =>
        adressen.checkNested(adres, path(prefix, "nieuweDigitaleAdressen", j), problems),
      ),
    ]);
    // the betrokkene's own problems first, then its addresses'
    const own: InvalidParam[] = checked.problems;
    problems.params.unshift(...own);
    return { input: mapped, references: checked.references };
  }

  private async checkOnderwerpobject(onderwerpobject: RegistreerOnderwerpobjectInput, prefix: string, problems: InvalidParams) {
    const given = [onderwerpobject.zaak, onderwerpobject.wasKlantcontact, onderwerpobject.onderwerpobjectidentificator].filter(
      (v) => v != null,
    );
    if (given.length !== 1)
      problems.add(prefix, "invalid", "Geef precies één van zaak, wasKlantcontact en onderwerpobjectidentificator op.");
    const zaak = onderwerpobject.zaak;
    if (zaak) {
      problems.addAll(await fieldErrors(zaak, path(prefix, "zaak")));
      if ((zaak.uuid != null) === (zaak.identificatie != null)) {
        problems.add(path(prefix, "zaak"), "invalid", "Geef precies één van uuid en identificatie van de zaak op.");
      } else if (zaak.uuid != null && checkUuid(zaak.uuid) !== null) {
        problems.add(path(prefix, "zaak", "uuid"), "invalid", "Geen geldige UUID.");
      }
    }
    const identificator = zaak
      ? zaak.uuid != null
        ? { ...ZAAK_OP_UUID, objectId: zaak.uuid.toLowerCase() }
        : { ...ZAAK_OP_IDENTIFICATIE, objectId: zaak.identificatie ?? "" }
      : onderwerpobject.onderwerpobjectidentificator;
    const mapped = Object.assign(new MaakKlantcontactOnderwerpobjectInput(), {
      wasKlantcontact: onderwerpobject.wasKlantcontact,
      onderwerpobjectidentificator: zaak ? undefined : identificator,
    });
    const checked = await this.ctx.service(OnderwerpobjectService).check(mapped, prefix);
    problems.addAll(checked.problems);
    // the zaak's identificator is made here, after its own check (the mapped input above carries none)
    if (zaak) mapped.onderwerpobjectidentificator = identificator;
    return { input: mapped, references: checked.references };
  }

  private async checkTaak(
    taak: NonNullable<RegistreerKlantcontactInput["interneTaak"]>,
    problems: InvalidParams,
  ): Promise<ActorVerwijzingPlan[]> {
    problems.addAll(await fieldErrors(taak, "interneTaak"));
    if (taak.toegewezenAanActoren.length === 0) {
      problems.add("interneTaak.toegewezenAanActoren", "required", "Wijs de taak toe aan ten minste één actor.");
    }
    return this.ctx.service(ActorService).checkVerwijzingen(taak.toegewezenAanActoren, "interneTaak.toegewezenAanActoren", problems);
  }

  /** Builds every part of a checked plan; partijen and actors first (the rest refers to them), then one flush. */
  private async write(input: RegistreerKlantcontactInput, plan: Plan): Promise<RegistreerKlantcontactResultaat> {
    const partijen = await this.ctx.service(VindOfMaakPartijService).apply(plan.partijen);
    const resolved = await this.ctx.service(ActorService).resolveVerwijzingen([...plan.actoren, ...plan.taakActoren]);
    const unique = (actors: Actor[]) => [...new Map(actors.map((a) => [a, a])).keys()];
    const actoren = unique(resolved.slice(0, plan.actoren.length).map((r) => r.actor));
    const taakActoren = unique(resolved.slice(plan.actoren.length).map((r) => r.actor));

    const klantcontact = this.ctx.service(KlantcontactService).build(input.klantcontact);
    const links = actoren.map((actor) => this.ctx.service(ActorKlantcontactService).buildNested(actor, klantcontact));
    const betrokkeneService = this.ctx.service(BetrokkeneService);
    const adresService = this.ctx.service(DigitaalAdresService);
    const digitaleAdressen: DigitaalAdres[] = [];
    const betrokkenen: Betrokkene[] = [];
    for (const [i, b] of plan.betrokkenen.entries()) {
      const wasPartij: Partij | null | undefined = b.partij !== null ? partijen[b.partij].partij : b.references.wasPartij;
      const betrokkene = betrokkeneService.build(b.input, klantcontact, { ...b.references, wasPartij });
      betrokkenen.push(betrokkene);
      for (const adres of input.betrokkenen![i].nieuweDigitaleAdressen ?? [])
        digitaleAdressen.push(adresService.buildNested(adres, { betrokkene }));
    }
    const onderwerpobjecten = plan.onderwerpobjecten.map((o) =>
      this.ctx.service(OnderwerpobjectService).build(o.input, klantcontact, o.references),
    );
    const bijlagen = (input.bijlagen ?? []).map((b) => this.ctx.service(BijlageService).buildNested(b, klantcontact));
    const interneTaak = input.interneTaak
      ? this.ctx.service(InterneTaakService).buildNested(input.interneTaak, klantcontact, taakActoren)
      : null;
    await this.ctx.em.flush();
    return {
      klantcontact,
      actoren,
      actorKlantcontacten: links,
      betrokkenen,
      digitaleAdressen,
      partijen,
      onderwerpobjecten,
      bijlagen,
      interneTaak,
      herhaald: false,
    };
  }

  /**
   * A retry's answer: the first call's, read afresh through the gates by the uuids it wrote (one
   * statement per kind; the read scopes of the parts apply). A row deleted since is left out.
   */
  private async read(written: Written): Promise<RegistreerKlantcontactResultaat> {
    const all = <T>(uuids: string[], byUuid: (uuid: string) => Promise<T | null>) =>
      Promise.all(uuids.map(byUuid)).then((rows) => rows.filter((row): row is Awaited<T> & object => row !== null));
    const ctx = this.ctx;
    const [klantcontact, actoren, actorKlantcontacten, betrokkenen, digitaleAdressen, partijen, onderwerpobjecten, bijlagen, interneTaak] =
      await Promise.all([
        ctx.service(KlantcontactService).byUuid(written.klantcontact),
        all(written.actoren, (u) => ctx.service(ActorService).byUuid(u)),
        all(written.actorKlantcontacten, (u) => ctx.service(ActorKlantcontactService).byUuid(u)),
        all(written.betrokkenen, (u) => ctx.service(BetrokkeneService).byUuid(u)),
        all(written.digitaleAdressen, (u) => ctx.service(DigitaalAdresService).byUuid(u)),
        Promise.all(
          written.partijen.map(async (p) => ({ partij: await ctx.service(PartijService).byUuid(p.uuid), aangemaakt: p.aangemaakt })),
        ),
        all(written.onderwerpobjecten, (u) => ctx.service(OnderwerpobjectService).byUuid(u)),
        all(written.bijlagen, (u) => ctx.service(BijlageService).byUuid(u)),
        written.interneTaak ? ctx.service(InterneTaakService).byUuid(written.interneTaak) : Promise.resolve(null),
      ]);
    // Deleted since the first call, or not visible to this token: what the key points at is not there.
    if (!klantcontact) throw new NotFoundError(Klantcontact.name, written.klantcontact);
    return {
      klantcontact,
      actoren,
      actorKlantcontacten,
      betrokkenen,
      digitaleAdressen,
      partijen: partijen.filter((p): p is { partij: Partij; aangemaakt: boolean } => p.partij !== null),
      onderwerpobjecten,
      bijlagen,
      interneTaak,
      herhaald: true,
    };
  }
}

/** The uuids of a result, to store with its idempotency key. */
function written(result: RegistreerKlantcontactResultaat): Written {
  return {
    klantcontact: result.klantcontact.uuid,
    actoren: result.actoren.map((a) => a.uuid),
    actorKlantcontacten: result.actorKlantcontacten.map((l) => l.uuid),
    betrokkenen: result.betrokkenen.map((b) => b.uuid),
    digitaleAdressen: result.digitaleAdressen.map((a) => a.uuid),
    partijen: result.partijen.map((p) => ({ uuid: p.partij.uuid, aangemaakt: p.aangemaakt })),
    onderwerpobjecten: result.onderwerpobjecten.map((o) => o.uuid),
    bijlagen: result.bijlagen.map((b) => b.uuid),
    interneTaak: result.interneTaak?.uuid ?? null,
  };
}
