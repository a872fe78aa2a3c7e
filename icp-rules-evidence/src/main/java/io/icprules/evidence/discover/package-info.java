/**
 * Rules the data suggests ({@code icp discover}): patterns of won and lost deals that no rule of
 * the profile covers, tested against deals the profile rated alike, adjusted for the number of
 * patterns tested, confirmed on a holdout, each confirmed one with a rule to paste.
 * {@link io.icprules.evidence.discover.Discovery} runs the search;
 * {@link io.icprules.evidence.discover.DiscoveryReport} holds what it found.
 */
package io.icprules.evidence.discover;
