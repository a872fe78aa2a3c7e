package io.icprules.evidence.discover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Splits deals into a discovery part and a holdout part by their <em>account</em>: the first eight
 * bytes of the SHA-256 of the account id, read as a fraction of 2^64, put the account in the holdout
 * when it is below the holdout share. Every deal of an account falls on the same side, so a pattern
 * cannot be "confirmed" by the same accounts that suggested it, and the split is the same on every
 * run and machine, whatever the order of the file.
 *
 * <p>A random split rather than a split by time: the holdout is there to catch patterns that
 * exist only by chance, and a split by time would also fail patterns whose effect changed over
 * time, which is drift, not chance.
 */
public final class HoldoutSplit {

    private HoldoutSplit() {
    }

    /**
     * @param accountId the account id, never null
     * @param share     the share of accounts held out, in 0..1
     * @return true when the account's deals belong to the holdout
     */
    public static boolean isHoldout(String accountId, double share) {
        return position(accountId) < share;
    }

    /**
     * @param accountId the account id, never null
     * @return where the account falls in 0..1 (exclusive), uniformly over ids
     */
    public static double position(String accountId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (h[i] & 0xFF);
            }
            return (bits >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
