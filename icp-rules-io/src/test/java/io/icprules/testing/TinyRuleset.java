package io.icprules.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small ruleset with one rule of each kind, written into a test's folder. */
public final class TinyRuleset {

    /** The manifest. */
    public static final String MANIFEST = "name=t\nversion=1\ntiers=A:80,B:60,C:40,D:0\nrequired=industry,employees\n";

    /** The rules: a hard filter, a soft signal, a decaying trigger and a disqualifier. */
    public static final String RULES = """
            package icp.test;
            import io.icprules.fact.Account;
            import io.icprules.fact.Event;
            import io.icprules.fact.Contact;

            rule "Mid-market headcount" @kind(hard) @reason("Headcount {employees} within 100-500")
            when Account( employees >= 100, employees <= 500 ) then end

            rule "Core vertical" @kind(soft) @points(30) @reason("Industry {industry} is a core vertical")
            when Account( industry == "Retail" ) then end

            rule "Recent funding" @kind(trigger) @points(20) @halfLife("P60D")
            when Event( type == "funding_round", daysAgo <= 180 ) then end

            rule "Uses competitor" @kind(disqualifier)
            when Account( technologies contains "CompetitorX" ) then end
            """;

    private TinyRuleset() {
    }

    /**
     * Writes the ruleset.
     *
     * @param dir the folder to create it in
     * @return the ruleset folder
     * @throws IOException when it cannot be written
     */
    public static Path write(Path dir) throws IOException {
        return write(dir, RULES);
    }

    /**
     * Writes the manifest and the given rules.
     *
     * @param dir   the folder to create it in
     * @param rules the content of {@code rules.drl}
     * @return the ruleset folder
     * @throws IOException when it cannot be written
     */
    public static Path write(Path dir, String rules) throws IOException {
        Path rs = dir.resolve("ruleset");
        Files.createDirectories(rs);
        Files.writeString(rs.resolve("ruleset.properties"), MANIFEST, StandardCharsets.UTF_8);
        Files.writeString(rs.resolve("rules.drl"), rules, StandardCharsets.UTF_8);
        return rs;
    }
}
