package io.icprules.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small ruleset with one rule of each kind and a case file for it, written into a test's folder. */
public final class TestRuleset {

    /** The manifest. */
    public static final String MANIFEST = "name=t\nversion=1\ntiers=A:80,B:60,C:40,D:0\nrequired=industry,employees\n";

    /** The rules: a hard filter, a soft signal with a % in its name, a decaying trigger and a disqualifier. */
    public static final String RULES = """
            package icp.test;
            import io.icprules.fact.Account;
            import io.icprules.fact.Event;
            import io.icprules.fact.Contact;

            rule "Mid-market headcount" @kind(hard) @reason("Headcount {employees} within 100-500")
            when Account( employees >= 100, employees <= 500 ) then end

            rule "Core vertical" @kind(soft) @points(30) @reason("Industry {industry} is a core vertical")
            when Account( industry == "Retail" ) then end

            rule "Hourly share 80%+" @kind(soft) @points(10)
            when Account( attributes["hourly_share"] >= 0.8 ) then end

            rule "Recent funding" @kind(trigger) @points(20) @halfLife("P60D")
            when Event( type == "funding_round", daysAgo <= 180 ) then end

            rule "Uses competitor" @kind(disqualifier)
            when Account( technologies contains "CompetitorX" ) then end
            """;

    /** A rule whose condition divides by zero for accounts founded in 1999, so that evaluating them fails. */
    public static final String EXPLODES = """
            rule "Explodes" @kind(soft) @points(1)
            when Account( foundedYear != null, 1 / (foundedYear - 1999) > 1000 ) then end
            """;

    private TestRuleset() {
    }

    /**
     * Writes the ruleset (without cases).
     *
     * @param dir the folder to create it in
     * @return the ruleset folder
     * @throws IOException when it cannot be written
     */
    public static Path write(Path dir) throws IOException {
        Path rs = dir.resolve("ruleset");
        Files.createDirectories(rs);
        Files.writeString(rs.resolve("ruleset.properties"), MANIFEST, StandardCharsets.UTF_8);
        Files.writeString(rs.resolve("rules.drl"), RULES, StandardCharsets.UTF_8);
        return rs;
    }

    /**
     * Writes a case file into the ruleset's cases folder.
     *
     * @param ruleset the ruleset folder
     * @param name    the file name, such as {@code fit.yaml}
     * @param yaml    the content
     * @return the file
     * @throws IOException when it cannot be written
     */
    public static Path writeCases(Path ruleset, String name, String yaml) throws IOException {
        Path f = ruleset.resolve(CaseFiles.FOLDER).resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }
}
