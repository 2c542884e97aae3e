import { requireAreaScope, requireStaffScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { InvalidParams, path } from "../common/errors";
import { fieldErrors } from "../common/validation";
import { ActorKlantcontactService } from "../klantcontacten/actor-klantcontact.service";
import type { Betrokkene } from "../klantcontacten/betrokkene.entity";
import type { MaakKlantcontactBetrokkeneInput } from "../klantcontacten/betrokkene.input";
import { BetrokkeneService } from "../klantcontacten/betrokkene.service";
import { BijlageService } from "../klantcontacten/bijlage.service";
import { KlantcontactService } from "../klantcontacten/klantcontact.service";
import { OnderwerpobjectService } from "../klantcontacten/onderwerpobject.service";
import type { Actor } from "./actor.entity";
import { ActorService, type ActorVerwijzingPlan } from "./actor.service";
import { Taakstatus } from "./enums";
import type { InterneTaak } from "./interne-taak.entity";
import {
  DoorsturenWijze,
  type HandelInterneTaakAfInput,
  type HandelInterneTaakAfResultaat,
  type StuurInterneTaakDoorInput,
  type StuurInterneTaakDoorResultaat,
} from "./interne-taak-afhandeling.input";
import { GEEN_ACTOREN, InterneTaakService } from "./interne-taak.service";

const AL_VERWERKT = "Deze interne taak is al verwerkt.";

/**
 * What a back office does with an interne taak (ITA; cases C2984, C9708 and C6114), each one
 * transaction: handle it (verwerkt, optionally with the answer to the customer as a new
 * klantcontact about the question) or pass it on (reassign it, or close it and open a new task for
 * other actors). Every part is checked first, through the same check and build code as the single
 * mutations, so that a client sees every problem at once and a refusal writes nothing.
 */
export class InterneTaakAfhandelingService {
  constructor(private readonly ctx: RequestContext) {}

  async handelAf(uuid: string, input: HandelInterneTaakAfInput | null | undefined): Promise<HandelInterneTaakAfResultaat> {
    requireStaffScope(this.ctx, "opvolging", "schrijven");
    const antwoord = input?.antwoord ?? null;
    if (antwoord) {
      requireStaffScope(this.ctx, "klantcontacten", "schrijven");
      // The answer copies the question's betrokkenen, which it reads.
      requireAreaScope(this.ctx, "klantcontacten", "lezen");
    }
    const taken = this.ctx.service(InterneTaakService);
    const klantcontacten = this.ctx.service(KlantcontactService);
    const betrokkenen = this.ctx.service(BetrokkeneService);

    const actorService = this.ctx.service(ActorService);

    const taak = await taken.forWrite(uuid);
    const vraag = taak.aanleidinggevendKlantcontact;
    const problems = new InvalidParams();
    this.checkOpen(taak, problems);
    problems.addAll(await fieldErrors(input));
    let actorPlans: ActorVerwijzingPlan[] = [];
    let vraagBetrokkenen: Betrokkene[] = [];
    if (antwoord) {
      // Independent lookups, sent together: the unique numbers, the actors, the question's betrokkenen.
      const actorProblems = new InvalidParams();
      const [klantcontactProblems, plans, copied] = await Promise.all([
        klantcontacten.check(antwoord, null, "antwoord"),
        actorService.checkVerwijzingen(antwoord.actoren ?? [], path("antwoord", "actoren"), actorProblems),
        betrokkenen.vanKlantcontact(vraag),
      ]);
      problems.addAll(klantcontactProblems);
      problems.addAll(actorProblems.params);
      actorPlans = plans;
      vraagBetrokkenen = copied;
    }
    problems.throwIfAny();

    return this.ctx.transaction(async () => {
      await taken.apply(taak, {
        toelichting: input?.toelichting,
        status: Taakstatus.VERWERKT,
        afgehandeldOp: new Date(),
      });
      let result: HandelInterneTaakAfResultaat = { interneTaak: taak, antwoord: null, onderwerpobject: null, betrokkenen: [] };
      if (antwoord) {
        const actoren = await this.resolve(actorPlans);
        const klantcontact = klantcontacten.build(antwoord);
        const onderwerpobject = this.ctx
          .service(OnderwerpobjectService)
          .build({}, klantcontact, { klantcontact: undefined, wasKlantcontact: vraag });
        const nieuweBetrokkenen = vraagBetrokkenen.map((betrokkene) =>
          betrokkenen.build(overgenomen(betrokkene), klantcontact, { wasPartij: betrokkene.wasPartij ?? null, hadKlantcontact: undefined }),
        );
        for (const actor of actoren) this.ctx.service(ActorKlantcontactService).buildNested(actor, klantcontact);
        for (const bijlage of antwoord.bijlagen ?? []) this.ctx.service(BijlageService).buildNested(bijlage, klantcontact);
        result = { interneTaak: taak, antwoord: klantcontact, onderwerpobject, betrokkenen: nieuweBetrokkenen };
      }
      await this.flush();
      return result;
    });
  }

  async stuurDoor(uuid: string, input: StuurInterneTaakDoorInput): Promise<StuurInterneTaakDoorResultaat> {
    requireStaffScope(this.ctx, "opvolging", "schrijven");
    const taken = this.ctx.service(InterneTaakService);
    const taak = await taken.forWrite(uuid);
    const problems = new InvalidParams();
    this.checkOpen(taak, problems);
    problems.addAll(await fieldErrors(input));
    if (input.naar.length === 0) problems.add("naar", "required", GEEN_ACTOREN);
    const plans = await this.ctx.service(ActorService).checkVerwijzingen(input.naar, "naar", problems);
    problems.throwIfAny();

    return this.ctx.transaction(async () => {
      const naar = await this.resolve(plans);
      const now = new Date();
      let result: StuurInterneTaakDoorResultaat;
      if (input.wijze === DoorsturenWijze.TOEWIJZEN) {
        await taken.apply(taak, {
          gevraagdeHandeling: input.gevraagdeHandeling ?? undefined,
          toelichting: input.toelichting,
          actoren: naar,
          toegewezenOp: now,
          status: taak.status,
          afgehandeldOp: null,
        });
        result = { interneTaak: taak, afgeslotenTaak: null };
      } else {
        // The new task carries what the customer asked; the closed one keeps why it was passed on.
        const nieuw = await taken.apply(null, {
          gevraagdeHandeling: input.gevraagdeHandeling ?? taak.gevraagdeHandeling,
          klantcontact: taak.aanleidinggevendKlantcontact,
          toelichting: taak.toelichting,
          actoren: naar,
          toegewezenOp: now,
          status: Taakstatus.TE_VERWERKEN,
          afgehandeldOp: null,
        });
        await taken.apply(taak, { toelichting: input.toelichting, status: Taakstatus.VERWERKT, afgehandeldOp: now });
        result = { interneTaak: nieuw, afgeslotenTaak: taak };
      }
      await this.flush();
      return result;
    });
  }

  /**
   * The actors of checked references, found or created in the open transaction, each once: an
   * actor named twice in the input was refused by the check (code unique), but a uuid and a
   * vindOfMaak can turn out to be the same actor only now; it is linked once, where first named.
   */
  private async resolve(plans: readonly ActorVerwijzingPlan[]): Promise<Actor[]> {
    const resolved = await this.ctx.service(ActorService).resolveVerwijzingen(plans);
    return [...new Set(resolved.map((r) => r.actor))];
  }

  /** Handling or passing on is for an open task only. */
  private checkOpen(taak: InterneTaak, problems: InvalidParams): void {
    if (taak.status === Taakstatus.VERWERKT) problems.add("uuid", "invalid", AL_VERWERKT);
  }

  /**
   * One flush for the whole workflow; then the request's loaders forget what they read before the
   * write, so the answer's fields (a taak's actors, the answer's betrokkenen) show what is stored
   * also when an operation-wide transaction is still open.
   */
  private async flush(): Promise<void> {
    await this.ctx.em.flush();
    this.ctx.clearLoaders();
  }
}

/**
 * A betrokkene of the question as a betrokkene of its answer (C9708 step 4): the same rol, names
 * and adressen, not the initiator. Its digitale adressen stay with the question's betrokkene, where
 * the partij's own are found as well.
 */
function overgenomen(betrokkene: Betrokkene): MaakKlantcontactBetrokkeneInput {
  return {
    rol: betrokkene.rol,
    initiator: false,
    contactnaam: betrokkene.contactnaam ?? null,
    organisatienaam: betrokkene.organisatienaam,
    bezoekadres: betrokkene.bezoekadres ?? null,
    correspondentieadres: betrokkene.correspondentieadres ?? null,
  };
}
