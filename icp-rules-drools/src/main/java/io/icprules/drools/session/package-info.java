/**
 * Running Drools for one account: the facts an account puts into a session, pooled sessions emptied
 * between accounts, and the listener that records which rules matched, with which events.
 */
package io.icprules.drools.session;
