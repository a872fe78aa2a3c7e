/**
 * Reading rules as written, for explanations and lint: the patterns and constraints of each rule,
 * why a rule did not fire for an account, and what a ruleset probably gets wrong.
 */
package io.icprules.drools.analysis;
