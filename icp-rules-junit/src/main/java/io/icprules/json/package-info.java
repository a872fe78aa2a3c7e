/**
 * Accounts written as JSON objects and hand-written YAML: the mapping from the {@code snake_case}
 * keys of the JSON Lines layout (also used by fit test cases) to {@link io.icprules.fact.AccountFacts},
 * the parsing of values written as text shared by every reader of account files, and the typing of
 * YAML values.
 */
package io.icprules.json;
