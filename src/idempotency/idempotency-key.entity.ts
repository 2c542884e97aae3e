import { Entity, Property, Unique } from "@mikro-orm/core";
import { BaseEntity } from "../common/base.entity";

/**
 * An idempotency key a client sent with a workflow mutation (registreerKlantcontact), stored in
 * the same transaction as what that call wrote: a retry with the same key finds it and gets the
 * first answer instead of writing again. Per client, so that two clients cannot collide on a key.
 * Holds only uuids and a hash of the input, no personal data.
 */
@Entity({ tableName: "idempotency_key" })
@Unique({ name: "idempotency_key_client_sleutel_unique", properties: ["clientId", "sleutel"] })
export class IdempotencyKey extends BaseEntity {
  @Property({ type: "string", length: 255 })
  clientId!: string;

  @Property({ type: "string", length: 255 })
  sleutel!: string;

  /** The operation the key was used for: a key of one workflow is not the answer of another. */
  @Property({ type: "string", length: 64 })
  operatie!: string;

  /** SHA-256 of the input: the same key with another input is refused. */
  @Property({ type: "string", length: 64 })
  inputHash!: string;

  /** The uuids the first call wrote, from which a retry's answer is read again. */
  @Property({ type: "json" })
  resultaat!: Record<string, unknown>;

  @Property({ type: "datetime" })
  aangemaaktOp: Date = new Date();
}
