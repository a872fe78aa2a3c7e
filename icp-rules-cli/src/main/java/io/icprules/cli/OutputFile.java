package io.icprules.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * An output file written safely: into a temporary file in the target's folder, renamed into place
 * only when the run ends well. A run that fails or is interrupted never truncates the previous
 * results, and nobody ever reads a half-written file under the target's name.
 */
final class OutputFile implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean committed;

    private OutputFile(Path target, Path temp, Writer writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    /**
     * @param target the file the results go to, never null
     * @return the open output
     * @throws IOException when the temporary file cannot be created (the folder is not writable)
     */
    static OutputFile open(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8),
                1 << 16);
        return new OutputFile(target, temp, w);
    }

    /** @return where to write the results */
    Writer writer() {
        return writer;
    }

    /**
     * Closes the temporary file and renames it to the target, replacing the previous results.
     *
     * @throws IOException when it cannot be written or renamed
     */
    void commit() throws IOException {
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Without a commit, the temporary file is deleted and the target is left as it was. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            writer.close();
        } catch (IOException ignored) {
            // the run is failing already
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    /**
     * @param out   the output file as given
     * @param rules the ruleset folders of the run
     * @return why results cannot be written there, or empty
     */
    static Optional<String> problem(Path out, Path... rules) {
        if (Files.isDirectory(out)) {
            return Optional.of("--out names a folder, not a file: " + out);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return Optional.of("the folder of the output file does not exist: " + parent);
        }
        if (parent != null && !Files.isWritable(parent)) {
            return Optional.of("cannot write in the folder " + parent + " (permission denied): choose another --out");
        }
        Path abs = out.toAbsolutePath().normalize();
        for (Path r : rules) {
            if (r != null && abs.startsWith(r.toAbsolutePath().normalize())) {
                return Optional.of("--out " + out + " is inside the ruleset folder " + r + ": results written there"
                        + " would become part of the ruleset (its hash changes, a reload reads them); write them elsewhere");
            }
        }
        return Optional.empty();
    }
}
