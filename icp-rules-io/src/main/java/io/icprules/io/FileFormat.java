package io.icprules.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The two file layouts the readers and writers support. */
public enum FileFormat {
    /** Comma-separated values with a header line (RFC 4180 quoting), UTF-8 unless {@link ReadOptions} say otherwise. */
    CSV,
    /** JSON Lines: one JSON object per line, UTF-8 unless {@link ReadOptions} say otherwise. */
    JSONL;

    /**
     * Infers the format from a file name: {@code .csv} is CSV, {@code .jsonl} and {@code .ndjson}
     * are JSON Lines, in any case.
     *
     * @param file the file, never null
     * @return the format, or empty when the extension is none of those
     */
    public static Optional<FileFormat> fromFileName(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }

    /** @return the name used on the command line and in file extensions: {@code csv} or {@code jsonl} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
