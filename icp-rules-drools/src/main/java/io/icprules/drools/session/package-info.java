/**
 * Running Drools for one account: a fresh session per evaluation and the listener that records which
 * rules matched, with which events.
 */
package io.icprules.drools.session;
