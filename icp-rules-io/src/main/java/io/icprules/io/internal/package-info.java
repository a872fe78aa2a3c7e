/**
 * Internal: what the readers of several modules share, such as the reading of a column mapping
 * file behind {@link io.icprules.io.ColumnMapping} and the deals mappings of icp-rules-evidence.
 * Not an API: these types change without notice.
 */
package io.icprules.io.internal;
