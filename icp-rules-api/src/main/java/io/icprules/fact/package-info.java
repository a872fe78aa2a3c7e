/**
 * The facts rules match: {@link io.icprules.fact.Account}, {@link io.icprules.fact.Event} and
 * {@link io.icprules.fact.Contact}, grouped per account in {@link io.icprules.fact.AccountFacts}.
 * All are immutable and built with builders; unknown values are {@code null}.
 */
package io.icprules.fact;
