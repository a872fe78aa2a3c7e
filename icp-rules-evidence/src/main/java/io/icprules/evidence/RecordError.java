package io.icprules.evidence;

/**
 * An input row that was not used in a report's figures, and why. Reports list every one of them.
 *
 * @param line      the 1-based line of the row in its file
 * @param accountId the account id, or null when the row has none
 * @param error     what is wrong
 */
public record RecordError(long line, String accountId, String error) {
}
