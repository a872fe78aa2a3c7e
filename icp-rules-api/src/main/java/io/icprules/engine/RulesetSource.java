package io.icprules.engine;

import io.icprules.error.Diagnostic;
import io.icprules.error.RulesetException;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of a ruleset: its {@code .drl} files and its manifest ({@value #MANIFEST}), read once
 * and held in memory. Immutable and {@link Serializable}, so it can travel to other JVMs (a compiled
 * engine cannot), and identified by a {@linkplain #contentHash() content hash}.
 *
 * <p>Only {@code .drl} files and the manifest belong to a ruleset; other files in the folder (test
 * cases, notes) are ignored and do not change the hash.
 */
public final class RulesetSource implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The manifest's file name in a ruleset folder. */
    public static final String MANIFEST = "ruleset.properties";

    /** Largest ruleset file accepted, in bytes: rule files are hand-written text. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    private final String origin;
    private final boolean trusted;
    private final SortedMap<String, String> files;
    private final String contentHash;

    private RulesetSource(String origin, boolean trusted, Map<String, String> files) {
        this.origin = origin;
        this.trusted = trusted;
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        this.contentHash = hash(this.files);
    }

    /**
     * Reads a ruleset folder: the manifest and every {@code .drl} file below it (sub-folders
     * included). Such a ruleset is not {@linkplain #trusted() trusted}.
     *
     * @param dir the folder, never null
     * @return the source
     * @throws RulesetException when the folder does not exist, has no manifest or no rule file, or a
     *                          file cannot be read as UTF-8 text
     */
    public static RulesetSource fromDirectory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return read(dir, dir.toString(), false);
    }

    /**
     * Reads a ruleset folder from the class path (a folder of a jar or of the class path). Such a
     * ruleset ships with the application and is {@linkplain #trusted() trusted}.
     *
     * @param location the folder, such as {@code icp/rulesets/retail}; a leading {@code /} is ignored
     * @param loader   the class loader to search, never null
     * @return the source
     * @throws RulesetException when the location or its manifest is not found, or a file cannot be read
     */
    public static RulesetSource fromClasspath(String location, ClassLoader loader) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(loader, "loader");
        String loc = location.startsWith("/") ? location.substring(1) : location;
        String origin = "classpath:" + loc;
        URL url = loader.getResource(loc.endsWith("/") ? loc + MANIFEST : loc + "/" + MANIFEST);
        if (url == null) {
            throw missing(origin, "no " + MANIFEST + " found at " + origin);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean close = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    close = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    Path manifest = fs.provider().getPath(uri);
                    return read(manifest.getParent(), origin, true);
                } finally {
                    if (close) {
                        fs.close();
                    }
                }
            }
            return read(Paths.get(uri).getParent(), origin, true);
        } catch (URISyntaxException | IOException e) {
            throw missing(origin, "cannot read " + url + ": " + e.getMessage());
        }
    }

    /**
     * A ruleset given as text, for tests and for code that stores rules elsewhere (a database, a
     * configuration service).
     *
     * @param origin  a name for messages, such as {@code db:retail-icp}, never null
     * @param trusted whether the rules come from a trusted author (see {@link #trusted()})
     * @param files   relative file name to content; must hold {@value #MANIFEST} and at least one
     *                {@code .drl} file
     * @return the source
     * @throws RulesetException when the manifest or every rule file is missing
     */
    public static RulesetSource of(String origin, boolean trusted, Map<String, String> files) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(files, "files");
        Map<String, String> kept = new TreeMap<>();
        files.forEach((name, text) -> {
            String n = Objects.requireNonNull(name, "file name").replace('\\', '/');
            if (n.equals(MANIFEST) || n.endsWith(".drl")) {
                kept.put(n, Objects.requireNonNull(text, "content of " + n));
            }
        });
        check(origin, kept);
        return new RulesetSource(origin, trusted, kept);
    }

    private static RulesetSource read(Path dir, String origin, boolean trusted) {
        if (!Files.isDirectory(dir)) {
            throw missing(origin, "ruleset folder " + origin + " does not exist or is not a folder");
        }
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!Files.isRegularFile(p) || !(rel.equals(MANIFEST) || rel.endsWith(".drl"))) {
                    continue;
                }
                long size = Files.size(p);
                if (size > MAX_FILE_BYTES) {
                    problems.add(Diagnostic.error(rel, 0, 0, "file is " + size + " bytes; the limit is "
                            + MAX_FILE_BYTES));
                    continue;
                }
                try {
                    files.put(rel, StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString());
                } catch (CharacterCodingException e) {
                    problems.add(Diagnostic.error(rel, 0, 0, "file is not valid UTF-8 text"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ruleset folder " + origin, e);
        }
        if (!problems.isEmpty()) {
            throw new RulesetException(origin, problems);
        }
        check(origin, files);
        return new RulesetSource(origin, trusted, files);
    }

    private static void check(String origin, Map<String, String> files) {
        List<Diagnostic> problems = new ArrayList<>();
        if (!files.containsKey(MANIFEST)) {
            problems.add(Diagnostic.error(MANIFEST, 0, 0, "the ruleset has no manifest: add " + MANIFEST
                    + " with at least name=... and version=..."));
        }
        if (files.keySet().stream().noneMatch(f -> f.endsWith(".drl"))) {
            problems.add(Diagnostic.error("(ruleset)", 0, 0, "the ruleset has no .drl file"));
        }
        if (!problems.isEmpty()) {
            throw new RulesetException(origin, problems);
        }
    }

    private static RulesetException missing(String origin, String message) {
        return new RulesetException(origin, List.of(Diagnostic.error(origin, 0, 0, message)));
    }

    private static String hash(SortedMap<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                // Line endings do not change what the rules mean, so they do not change the hash.
                sha.update(e.getValue().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** @return where the ruleset was read from, for messages; never null */
    public String origin() {
        return origin;
    }

    /**
     * Whether the rule files come from a trusted place. Rule files can call Java code; rulesets read
     * from the class path ship with the application and are trusted, rulesets read from a folder
     * or given as text are not unless said otherwise.
     *
     * @return true for trusted rule files
     */
    public boolean trusted() {
        return trusted;
    }

    /** @return relative file name to content, sorted by name: the manifest and the .drl files; never null */
    public SortedMap<String, String> files() {
        return files;
    }

    /** @return the manifest's text, never null */
    public String manifest() {
        return files.get(MANIFEST);
    }

    /** @return lower-case hex SHA-256 over file names and contents (line endings normalised); never null */
    public String contentHash() {
        return contentHash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RulesetSource && files.equals(((RulesetSource) o).files)
                && trusted == ((RulesetSource) o).trusted;
    }

    @Override
    public int hashCode() {
        return contentHash.hashCode();
    }

    @Override
    public String toString() {
        return "RulesetSource[" + origin + ", " + files.size() + " files, " + contentHash.substring(0, 12) + "]";
    }
}
