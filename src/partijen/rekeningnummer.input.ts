import { Field, ID, InputType } from "type-graphql";
import { MaxLength, NotBlank, NotNull, Satisfies } from "../common/validation";
import { checkBic, checkIban } from "../common/validators";

// Decorators apply bottom-up and the first failing rule is reported, so the most basic rule
// (length) goes last in the list: it is the one a client hears about first.

@InputType({
  description: "Een nieuw bankrekeningnummer van een partij die in dezelfde aanroep wordt gemaakt (createPartij, vindOfMaakPartij).",
})
export class PartijRekeningnummerInput {
  @Field(() => String, {
    description: "IBAN zonder spaties (ten hoogste 34 tekens, geldig controlegetal); wordt in hoofdletters opgeslagen.",
  })
  @Satisfies(checkIban)
  @NotBlank()
  @MaxLength(34)
  iban!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "BIC (ISO 9362): bankcode, landcode en plaatscode, eventueel met filiaalcode (8 of 11 tekens, bijvoorbeeld INGBNL2A); wordt in hoofdletters opgeslagen.",
  })
  @Satisfies(checkBic)
  bic?: string | null;
}

@InputType({ description: "Een nieuw bankrekeningnummer." })
export class RekeningnummerInput extends PartijRekeningnummerInput {
  @Field(() => ID, { nullable: true, description: "uuid van de partij van wie de rekening is." })
  partij?: string | null;
}

@InputType({ description: "Wijziging van een bankrekeningnummer; weggelaten velden blijven ongewijzigd." })
export class RekeningnummerUpdateInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "uuid van de partij; null ontkoppelt. Verplaatsen of ontkoppelen laat het rekeningnummer vervallen als voorkeursRekeningnummer van de partij die het had.",
  })
  partij?: string | null;

  @Field(() => String, { nullable: true, description: "IBAN zonder spaties; mag niet leeg gemaakt worden." })
  @NotNull()
  @Satisfies(checkIban)
  @NotBlank()
  @MaxLength(34)
  iban?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "BIC (ISO 9362, 8 of 11 tekens; wordt in hoofdletters opgeslagen); null maakt leeg.",
  })
  @Satisfies(checkBic)
  bic?: string | null;
}

@InputType({ description: "Filter op bankrekeningnummers; alle gegeven voorwaarden gelden samen." })
export class RekeningnummerFilter {
  @Field(() => String, { nullable: true, description: "IBAN is gelijk aan (hoofdletterongevoelig)." })
  iban?: string | null;

  @Field(() => String, { nullable: true, description: "BIC is gelijk aan (hoofdletterongevoelig)." })
  bic?: string | null;

  @Field(() => ID, { nullable: true, description: "uuid van de partij." })
  partij?: string | null;
}
