package io.icprules.evidence.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs headless Chromium on a local file, offline: no sandbox (tests may run as root), no GPU, no
 * background networking, a fresh profile folder each time.
 *
 * <p>The browser is {@code $ICP_CHROMIUM} when set, else {@code /usr/bin/chromium}. When it is
 * missing the test fails, saying how to install it: a rendering test that silently passes without
 * a browser would prove nothing.
 */
final class Chromium {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    static Chromium locate() {
        String configured = System.getenv("ICP_CHROMIUM");
        Path binary = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
        if (!Files.isExecutable(binary)) {
            fail("Chromium is needed to check that the HTML reports render, and was not found at " + binary
                    + ". Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu package `chromium`), "
                    + "or point the ICP_CHROMIUM environment variable at a Chromium or Chrome binary.");
        }
        return new Chromium(binary);
    }

    /** Renders the page and saves a PNG of the window. */
    void screenshot(Path page, Path png, int width, int height, Path work) throws IOException, InterruptedException {
        run(work, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                page.toUri().toString());
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            fail("Chromium wrote no screenshot to " + png);
        }
    }

    /** Renders the page and returns the DOM as the browser built it. */
    String dumpDom(Path page, Path work) throws IOException, InterruptedException {
        return run(work, "--dump-dom", page.toUri().toString());
    }

    private String run(Path work, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path output = work.resolve("chromium-" + System.nanoTime() + ".out");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(work.resolve("chromium-" + System.nanoTime() + ".err").toFile())
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (p.exitValue() != 0) {
            fail("Chromium exited with " + p.exitValue() + ": " + command);
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
