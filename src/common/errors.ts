/**
 * Errors the services throw. They know nothing of GraphQL: src/server.ts turns them into GraphQL
 * errors with the codes of ARCHITECTURE.md, and masks everything else as an internal error.
 */

/** One invalid input, in the shape of the VNG API's ValidatieFout. */
export interface InvalidParam {
  /** Path of the input field, e.g. "partijIdentificatoren.0.partijIdentificator.objectId". */
  name: string;
  /** Stable machine code: required, invalid, unique, max_length, does_not_exist, ... */
  code: string;
  /** Dutch sentence for people. */
  reason: string;
}

export class InvalidInputError extends Error {
  constructor(readonly invalidParams: InvalidParam[]) {
    super(
      invalidParams.length === 1
        ? `Ongeldige invoer: ${invalidParams[0].name}: ${invalidParams[0].reason}`
        : `Ongeldige invoer (${invalidParams.length} fouten).`,
    );
    this.name = "InvalidInputError";
  }

  static of(name: string, code: string, reason: string): InvalidInputError {
    return new InvalidInputError([{ name, code, reason }]);
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly uuid: string,
  ) {
    super(`${resource} met uuid ${uuid} bestaat niet.`);
    this.name = "NotFoundError";
  }
}

/** The request may not do this (it lacks the scope): FORBIDDEN. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/**
 * Collects invalid params while a service checks an input, so that a client learns of every
 * problem at once; `throwIfAny` ends the check.
 */
export class InvalidParams {
  readonly params: InvalidParam[] = [];

  add(name: string, code: string, reason: string): void {
    this.params.push({ name, code, reason });
  }

  addAll(params: InvalidParam[]): void {
    this.params.push(...params);
  }

  get isEmpty(): boolean {
    return this.params.length === 0;
  }

  /** Throws with every problem found, one per field: the first reason given for a field wins. */
  throwIfAny(): void {
    if (this.params.length === 0) return;
    const perField = new Map<string, InvalidParam>();
    for (const param of this.params) if (!perField.has(param.name)) perField.set(param.name, param);
    throw new InvalidInputError([...perField.values()]);
  }
}

/** Joins input path segments: path("a", 0, "b") is "a.0.b"; empty segments are skipped. */
export function path(...segments: Array<string | number | undefined>): string {
  return segments.filter((s) => s !== undefined && s !== "").join(".");
}
