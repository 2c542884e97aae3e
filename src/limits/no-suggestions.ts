import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

/** graphql-js appends its suggestions at the end of a message: ` Did you mean "naam"?`. */
const SUGGESTION = /\s*Did you mean .+\?$/s;

/**
 * No "Did you mean ...?" in any error, so that the schema cannot be guessed field by field with
 * introspection off. Apollo's hideSchemaDetailsFromClientErrors cleans validation errors only,
 * while the suggestions of variable coercion (`Value "X" does not exist in "Taakstatus" enum. Did
 * you mean the enum value "TE_VERWERKEN"?`) arrive with the execution result; graphql-armor's
 * blockFieldSuggestion masks only suggestions that start with a quote and leaves a mask behind.
 * This cleans every error a request encounters, before it is formatted.
 */
export const noSuggestions: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(SUGGESTION, "");
      },
    };
  },
};
