import type { RequestContext } from "../common/context";
import { paginate, type Connection, type PageArgs } from "../common/connection";
import { requireScope } from "../auth/access";
import { InvalidParams } from "../common/errors";
import { fieldErrors } from "../common/validation";
import { bsnOfPartijen, partijenMetBsn } from "./audit-betrokkene";
import { betrokkeneHash, type AuditBetrokkene } from "./audit-hash";
import type { AuditBetrokkeneInput } from "./audit.input";
import { AuditRecord } from "./audit-record.entity";

/** The auditor's questions: who processed the data of this person, when, why and how it ended. */
export class AuditService {
  constructor(private readonly ctx: RequestContext) {}

  /**
   * The records about one data subject, newest first: two statements (the BSN lookup and the page).
   * Only for an auditor (scope audit.lezen), refused before any SQL otherwise.
   */
  async records(input: AuditBetrokkeneInput, page: PageArgs): Promise<Connection<AuditRecord>> {
    requireScope(this.ctx, "audit.lezen");
    const betrokkene = await this.checked(input);
    const hashes = (await this.alleBetrokkenen(betrokkene)).map((b) => betrokkeneHash(b, this.ctx.config.audit.hashKey));
    return paginate(this.ctx.em, AuditRecord, { betrokkeneHash: { $in: hashes } }, [{ property: "tijdstip", direction: "desc" }], page);
  }

  private async checked(input: AuditBetrokkeneInput): Promise<AuditBetrokkene> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input, "betrokkene"));
    const given = [input.bsn, input.partij].filter((v) => v !== undefined && v !== null).length;
    if (given !== 1) problems.add("betrokkene", "invalid", "Geef precies één van bsn en partij.");
    problems.throwIfAny();
    return input.bsn ? { bsn: input.bsn } : { partij: input.partij!.toLowerCase() };
  }

  /**
   * A person's records are hashed by BSN once their partij has one, and by partij uuid before
   * that (or when the BSN was removed): both identities of the same person, as far as known now.
   */
  private async alleBetrokkenen(betrokkene: AuditBetrokkene): Promise<AuditBetrokkene[]> {
    if ("bsn" in betrokkene) {
      const partijen = await partijenMetBsn(this.ctx.em, betrokkene.bsn);
      return [betrokkene, ...partijen.map((partij) => ({ partij }))];
    }
    const bsn = (await bsnOfPartijen(this.ctx.em, [betrokkene.partij])).get(betrokkene.partij);
    return bsn ? [betrokkene, { bsn }] : [betrokkene];
  }
}
