/**
 * Reading accounts, events and contacts from CSV and JSON Lines files, and writing fit results.
 *
 * <p>Readers stream: {@link io.icprules.io.AccountReader} yields one
 * {@link io.icprules.io.AccountRecord} per data row, in file order, either the account's
 * facts or an error naming the line, the account and the field, so that no row is ever dropped.
 * Events and contacts are joined to accounts as they stream by, by
 * {@link io.icprules.io.RelatedFacts}: a file in the accounts file's order is read alongside
 * the accounts, one account's rows at a time, so that memory does not grow with it either; any other
 * is loaded into memory. Writers emit one
 * {@link io.icprules.io.ScoredRecord} per input record, in input order.
 */
package io.icprules.io;
