/**
 * Exceptions thrown by icp-rules. Every one extends {@link io.icprules.error.IcpRulesException}.
 */
package io.icprules.error;
