package io.icprules.drools;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds small in-memory rulesets for tests. */
final class TestRulesets {

    static final String HEADER = "package icp.test;\n"
            + "import io.icprules.fact.Account;\n"
            + "import io.icprules.fact.Event;\n"
            + "import io.icprules.fact.Contact;\n";

    private final Map<String, String> files = new LinkedHashMap<>();

    private TestRulesets(String manifest) {
        files.put(RulesetSource.MANIFEST, manifest);
    }

    static TestRulesets manifest(String manifest) {
        return new TestRulesets(manifest);
    }

    static TestRulesets basic() {
        return new TestRulesets("name=test\nversion=1.0\n");
    }

    /** Adds a file whose text starts with the standard header (4 lines). */
    TestRulesets drl(String file, String rules) {
        files.put(file, HEADER + rules);
        return this;
    }

    TestRulesets raw(String file, String text) {
        files.put(file, text);
        return this;
    }

    RulesetSource source() {
        return RulesetSource.of("test", true, files);
    }

    FitEngine engine() {
        return IcpRules.builder().ruleset(source()).build();
    }
}
