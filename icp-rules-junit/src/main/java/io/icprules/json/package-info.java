/**
 * Accounts written as JSON objects: the mapping from the {@code snake_case} keys of the JSON Lines
 * layout (also used by fit test cases) to {@link io.icprules.fact.AccountFacts}, and the parsing of
 * values written as text, shared by every reader of account files.
 */
package io.icprules.json;
