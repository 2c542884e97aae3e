import { Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";
import { limitExceeded } from "./limit-error";

/**
 * At most `max` root fields per operation, so that one request cannot carry thousands of
 * mutations (each its own write) or root queries. graphql-armor has no such rule. Fields reached
 * through fragments on the root type count too; `__typename` is free.
 */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const found = countFields(context, operation.selectionSet, new Set());
      if (found > max) {
        context.reportError(limitExceeded("maxRootFields", `Root fields limit of ${max} exceeded, found ${found}.`));
      }
    },
  });
}

function countFields(context: ValidationContext, selectionSet: SelectionSetNode, spread: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== "__typename") count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countFields(context, selection.selectionSet, spread);
    } else {
      // A fragment counts at every spread; a cycle (refused by graphql's own rule, which runs
      // beside this one) is not followed.
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || spread.has(name)) continue;
      spread.add(name);
      count += countFields(context, fragment.selectionSet, spread);
      spread.delete(name);
    }
  }
  return count;
}
