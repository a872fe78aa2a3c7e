/**
 * The engine built with Drools' executable model, with and without the alpha network compiler:
 * the same rules, checks and rewrites as the shipped engine, another way of building the knowledge
 * base, measured beside it and compared with it account by account.
 */
package io.icprules.benchmarks.execmodel;
