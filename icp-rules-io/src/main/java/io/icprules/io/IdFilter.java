package io.icprules.io;

/**
 * A Bloom filter of account ids in a fixed amount of memory: says for sure that an id was not added,
 * or that it may have been. Used to spot, in one pass, the few ids of an accounts file that may repeat,
 * which a second pass then checks exactly. Not thread-safe.
 */
final class IdFilter {

    /** Bits set per id: with 32 bits per id, about 1 id in 5,000 is a false "may have been". */
    private static final int HASHES = 4;

    private final long[] bits;
    private final long mask;

    /**
     * @param log2Bits the filter's size as a power of two, in bits: 25 gives 4 MB; between 6 and 34
     */
    IdFilter(int log2Bits) {
        if (log2Bits < 6 || log2Bits > 34) {
            throw new IllegalArgumentException("log2Bits must be between 6 and 34, was " + log2Bits);
        }
        this.bits = new long[1 << (log2Bits - 6)];
        this.mask = (1L << log2Bits) - 1;
    }

    /**
     * Adds an id.
     *
     * @param id the id, never null
     * @return true when the id may have been added before, false when it surely was not
     */
    boolean add(String id) {
        long h = hash(id);
        long h1 = h;
        long h2 = (h >>> 32) | 1; // odd, so that the probes differ
        boolean seen = true;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            int word = (int) (bit >>> 6);
            long m = 1L << bit;
            if ((bits[word] & m) == 0) {
                seen = false;
                bits[word] |= m;
            }
        }
        return seen;
    }

    /** 64-bit FNV-1a over the characters, then SplitMix64's finaliser to spread the bits. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
