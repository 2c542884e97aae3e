import { requireAreaScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import type { RequestContext } from "../common/context";
import { ForbiddenError, InvalidParams } from "../common/errors";
import { BetrokkeneService } from "./betrokkene.service";
import { KlantcontactService } from "./klantcontact.service";
import type { MaakKlantcontactInput, MaakKlantcontactResult } from "./maak-klantcontact.input";
import { OnderwerpobjectService } from "./onderwerpobject.service";

/**
 * The standard's maak-klantcontact: a klantcontact with its betrokkene and onderwerpobject in one
 * transaction. All three parts are checked first (errors named "klantcontact.taal",
 * "betrokkene.wasPartij", ...), so a client sees every problem at once and nothing is written.
 */
export class MaakKlantcontactService {
  constructor(private readonly ctx: RequestContext) {}

  async maak(input: MaakKlantcontactInput): Promise<MaakKlantcontactResult> {
    requireAreaScope(this.ctx, "klantcontacten", "schrijven");
    if (isBurger(this.ctx.principal) && !(input.betrokkene?.wasPartij && input.betrokkene.initiator)) {
      // A citizen registers only its own question; wasPartij is then checked like any reference
      // (only its own partij is visible to it, any other "does not exist").
      throw new ForbiddenError(
        "Met een token van een burger of bedrijf kan alleen een eigen vraag worden vastgelegd: met de eigen partij als initiërende betrokkene (betrokkene.wasPartij en betrokkene.initiator).",
      );
    }
    const klantcontacten = this.ctx.service(KlantcontactService);
    const betrokkenen = this.ctx.service(BetrokkeneService);
    const onderwerpobjecten = this.ctx.service(OnderwerpobjectService);

    const problems = new InvalidParams();
    problems.addAll(await klantcontacten.check(input.klantcontact, null, "klantcontact"));
    const betrokkeneCheck = input.betrokkene ? await betrokkenen.check(input.betrokkene, "betrokkene") : null;
    if (betrokkeneCheck) problems.addAll(betrokkeneCheck.problems);
    const onderwerpobjectCheck = input.onderwerpobject ? await onderwerpobjecten.check(input.onderwerpobject, "onderwerpobject") : null;
    if (onderwerpobjectCheck) problems.addAll(onderwerpobjectCheck.problems);
    problems.throwIfAny();

    return this.ctx.transaction(async () => {
      const klantcontact = klantcontacten.build(input.klantcontact);
      const betrokkene =
        input.betrokkene && betrokkeneCheck ? betrokkenen.build(input.betrokkene, klantcontact, betrokkeneCheck.references) : null;
      const onderwerpobject =
        input.onderwerpobject && onderwerpobjectCheck
          ? onderwerpobjecten.build(input.onderwerpobject, klantcontact, onderwerpobjectCheck.references)
          : null;
      await this.ctx.em.flush();
      return { klantcontact, betrokkene, onderwerpobject };
    });
  }
}
