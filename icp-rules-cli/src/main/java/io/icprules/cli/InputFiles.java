package io.icprules.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What is wrong with a path given as an input file, said precisely: missing, a folder, a device
 * such as {@code /dev/null}, a named pipe, unreadable.
 */
final class InputFiles {

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private InputFiles() {
    }

    /**
     * @param p     the path as given
     * @param what  what the file is for, such as {@code "accounts file"}
     * @return why the path cannot be read as a file, or empty when it can
     */
    static Optional<String> problem(Path p, String what) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.of(what + " not found: " + p);
        }
        if (a.isDirectory()) {
            return Optional.of(p + " is a folder, not a file: give the " + what + " itself");
        }
        if (a.isOther()) {
            int type = mode(p) & S_IFMT;
            if (type == S_IFIFO || type == S_IFSOCK) {
                return Optional.of(p + " is a pipe, which can be read only once (the " + what + " is read more than"
                        + " once): save what it carries to a file and give that file");
            }
            if (type == S_IFCHR || type == S_IFBLK) {
                return Optional.of(p + " is a device, not a file: give the " + what + " itself");
            }
            return Optional.of(p + " is not a regular file: give the " + what + " itself");
        }
        if (!Files.isReadable(p)) {
            return Optional.of(what + " cannot be read (permission denied): " + p);
        }
        return Optional.empty();
    }

    private static int mode(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer i ? i : 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }
}
