package io.icprules.examples.embed;

import io.icprules.error.RulesetException;
import io.icprules.testing.TinyRuleset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddingExampleTest {

    @TempDir
    Path dir;

    @Test
    void scoresOneAccountAndABatch() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        EmbeddingExample.run(TinyRuleset.write(dir), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        // The tiny ruleset's core vertical is "Retail", not "retail": only the decayed trigger scores.
        assertThat(out).contains("Ruleset t@1 (")
                .contains("acme-retail: FIT, score 12.6, tier D")
                .contains("+12.6 Recent funding (trigger)")
                .contains("acme-retail: FIT, score 0.0, tier D")
                .contains("tiny-shop: EXCLUDED")
                .contains("unknown-co: INSUFFICIENT_DATA");
    }

    @Test
    void reportsARulesetThatDoesNotCompile() throws IOException {
        Path broken = TinyRuleset.write(dir, "rule \"x\" when Nope() then end");
        assertThatThrownBy(() -> EmbeddingExample.run(broken, System.out)).isInstanceOf(RulesetException.class);
    }
}
