package io.icprules.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the small input files that tests build inline. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * Writes a file as UTF-8, creating its folder when needed.
     *
     * @param dir     the folder, usually a test's temporary directory
     * @param name    the file's name, or a relative path inside the folder
     * @param content the file's text
     * @return the file
     * @throws IOException when the file cannot be written
     */
    public static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        if (p.getParent() != null) {
            Files.createDirectories(p.getParent());
        }
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
