import { readFileSync } from "node:fs";
import { Kind, parse, type OperationDefinitionNode } from "graphql";

/**
 * The README's examples as a newcomer pastes them: every ```graphql block is one named operation;
 * the ```json block right after it (only blank lines between) holds its variables; a later
 * ```json block whose top level is `{ "data": … }`, before the next operation, is the answer the
 * README promises (abridged: what it shows must be in the real answer), when it is in the same
 * section (no heading between them).
 */
export interface ReadmeOperation {
  name: string;
  document: string;
  variables: Record<string, unknown>;
  answer?: Record<string, unknown>;
  /** Line of the ```graphql fence, for the failure message. */
  line: number;
}

const FENCE = /^```(\w*)\n([\s\S]*?)^```$/gm;

export function readReadmeOperations(path: string): ReadmeOperation[] {
  const text = readFileSync(path, "utf8");
  const operations: ReadmeOperation[] = [];
  let previousEnd = 0;
  let current: ReadmeOperation | undefined;
  for (const match of text.matchAll(FENCE)) {
    const [block, language, body] = match;
    const start = match.index;
    const line = text.slice(0, start).split("\n").length;
    const between = text.slice(previousEnd, start);
    const adjacent = between.trim() === "";
    previousEnd = start + block.length;
    // An answer belongs to an operation of its own section.
    if (/^#{1,6} /m.test(between)) current = undefined;
    if (language === "graphql") {
      current = { name: operationName(body, line), document: body, variables: {}, line };
      operations.push(current);
      continue;
    }
    if (language !== "json" || !current) continue;
    const value = JSON.parse(body) as Record<string, unknown>;
    if ("data" in value) {
      current.answer ??= value;
    } else if (adjacent && Object.keys(current.variables).length === 0 && !current.answer) {
      current.variables = value;
    }
  }
  return operations;
}

/** The name of the block's one operation; a block with none, several or an anonymous one is a README error. */
function operationName(body: string, line: number): string {
  const definitions = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (definitions.length !== 1 || !definitions[0].name) {
    throw new Error(`README.md line ${line}: a graphql block must hold exactly one named operation`);
  }
  return definitions[0].name.value;
}

/**
 * Variables as the README writes them, with `"<Operation: path>"` replaced by the value at that
 * path (dot-separated, array indexes as numbers) of that earlier operation's `data`: what the
 * README asks the reader to copy by hand.
 */
export function substitute(value: unknown, answers: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === "string") {
    const reference = /^<(\w+): ([\w.]+)>$/.exec(value);
    if (!reference) return value;
    const [, operation, path] = reference;
    if (!answers.has(operation)) throw new Error(`${value}: no earlier answer of ${operation}`);
    const found = path.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], answers.get(operation));
    if (found === undefined) throw new Error(`${value}: the answer of ${operation} has nothing at ${path}`);
    return found;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, answers));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, answers)]));
  }
  return value;
}

/**
 * What the README shows that the real answer lacks or has otherwise, as paths (empty when the
 * README is true): every key shown must be there with an equal value; a list shown has as many
 * entries as the real one, each compared the same way.
 */
export function differences(shown: unknown, actual: unknown, path = "data"): string[] {
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${path}: a list in the README, ${JSON.stringify(actual)} in the answer`];
    if (shown.length !== actual.length) return [`${path}: ${shown.length} entries in the README, ${actual.length} in the answer`];
    return shown.flatMap((item, i) => differences(item, actual[i], `${path}.${i}`));
  }
  if (shown && typeof shown === "object") {
    if (!actual || typeof actual !== "object") return [`${path}: an object in the README, ${JSON.stringify(actual)} in the answer`];
    return Object.entries(shown).flatMap(([key, item]) => differences(item, (actual as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return Object.is(shown, actual) ? [] : [`${path}: ${JSON.stringify(shown)} in the README, ${JSON.stringify(actual)} in the answer`];
}
