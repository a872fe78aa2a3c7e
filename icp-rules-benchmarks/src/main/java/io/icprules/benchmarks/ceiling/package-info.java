/**
 * What Drools' matching alone costs on the reference profile, with nothing of the library's scoring
 * on top: the ceiling of any engine that asks Drools which rules match. Also the experiment of
 * several accounts in one session, on a rewritten copy of the profile whose rules cannot see each
 * other's accounts.
 */
package io.icprules.benchmarks.ceiling;
