package io.icprules.benchmarks.execmodel;

import io.icprules.benchmarks.profile.AccountEvaluator;
import io.icprules.benchmarks.profile.ReferenceProfile;
import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.engine.RulesetSource;
import io.icprules.fact.AccountFacts;
import io.icprules.io.CsvResultWriter;
import io.icprules.io.JsonLinesResultWriter;
import io.icprules.io.ResultWriter;
import io.icprules.io.ScoredRecord;
import io.icprules.io.synthetic.SyntheticAccounts;
import io.icprules.result.FitResult;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that the engine built with the executable model (with and without the alpha network
 * compiler) gives exactly the shipped engine's results: every generated account is evaluated by
 * all three, the results are compared one by one, and each one's results are written as
 * {@code icp score} writes them (CSV, and JSON Lines with every ledger line and reason) into a
 * SHA-256 digest, which must be the same.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.icprules.benchmarks.execmodel.EquivalenceProbe [COUNT]}
 * (default 100,000 accounts of seed {@value ReferenceProfile#SEED}). Prints a Markdown table and
 * exits with 1 when any result differs.
 */
public final class EquivalenceProbe {

    /** The name of the shipped engine's row. */
    public static final String ENGINE = "engine (as shipped)";

    private EquivalenceProbe() {
    }

    /**
     * What one implementation wrote for the accounts.
     *
     * @param implementation its name
     * @param accounts       how many accounts it evaluated
     * @param differing      how many of its results differ from the shipped engine's
     * @param firstDiffering the first account whose result differs, or null
     * @param csvSha256      the digest of its CSV output
     * @param jsonSha256     the digest of its JSON Lines output
     */
    public record Outcome(String implementation, long accounts, long differing, String firstDiffering,
                          String csvSha256, String jsonSha256) {
    }

    /**
     * @param args optionally the number of accounts (default 100,000)
     */
    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        long start = System.nanoTime();
        List<Outcome> outcomes = compare(count, ReferenceProfile.source());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        print(outcomes, out);
        out.printf(Locale.ROOT, "%n%,d accounts of seed %d, as of %s, in %.1f s%n", count, ReferenceProfile.SEED,
                ReferenceProfile.AS_OF, (System.nanoTime() - start) / 1e9);
        if (outcomes.stream().anyMatch(o -> o.differing() > 0 || !o.csvSha256().equals(outcomes.get(0).csvSha256())
                || !o.jsonSha256().equals(outcomes.get(0).jsonSha256()))) {
            System.exit(1);
        }
    }

    /**
     * Evaluates the first {@code count} generated accounts with the shipped engine and with both
     * executable-model builds of the same ruleset.
     *
     * @param count  how many accounts, at least 1
     * @param source the ruleset
     * @return the shipped engine's outcome first, then the executable model's, then with the alpha
     *         network compiler
     */
    public static List<Outcome> compare(long count, RulesetSource source) {
        try (FitEngine engine = IcpRules.builder().ruleset(source).build();
             AssembledEngine model = AssembledEngine.build(source, ExecutableModelAssembly.EXECUTABLE_MODEL);
             AssembledEngine anc = AssembledEngine.build(source, ExecutableModelAssembly.WITH_ALPHA_NETWORK_COMPILER)) {
            Map<String, AccountEvaluator> candidates = new LinkedHashMap<>();
            candidates.put(ExecutableModelAssembly.EXECUTABLE_MODEL.toString(), model);
            candidates.put(ExecutableModelAssembly.WITH_ALPHA_NETWORK_COMPILER.toString(), anc);
            return compare(count, engine::evaluate, candidates);
        }
    }

    /**
     * Evaluates the first {@code count} generated accounts with the engine and with each candidate.
     *
     * @param count      how many accounts, at least 1
     * @param engine     the reference
     * @param candidates name to implementation, in the order of the outcomes
     * @return the engine's outcome ({@value #ENGINE}) first, then the candidates'
     */
    public static List<Outcome> compare(long count, AccountEvaluator engine, Map<String, AccountEvaluator> candidates) {
        try {
            List<Run> runs = new ArrayList<>();
            runs.add(new Run(ENGINE, engine));
            for (Map.Entry<String, AccountEvaluator> c : candidates.entrySet()) {
                runs.add(new Run(c.getKey(), c.getValue()));
            }
            Iterator<AccountFacts> accounts = SyntheticAccounts.stream(count, ReferenceProfile.SEED, ReferenceProfile.AS_OF)
                    .iterator();
            long line = 1; // the header, as in a CSV file
            while (accounts.hasNext()) {
                AccountFacts a = accounts.next();
                line++;
                FitResult expected = null;
                for (Run r : runs) {
                    FitResult result = r.evaluator.evaluate(a, ReferenceProfile.AS_OF);
                    if (expected == null) {
                        expected = result;
                    } else if (!expected.equals(result)) {
                        r.differ(a.accountId());
                    }
                    r.write(ScoredRecord.of(line, result));
                }
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Run r : runs) {
                outcomes.add(r.finish(line - 1));
            }
            return outcomes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints the outcomes as a Markdown table.
     *
     * @param outcomes what {@link #compare} returned
     * @param out      where to print
     */
    public static void print(List<Outcome> outcomes, PrintStream out) {
        out.println("| implementation | accounts | results differing from the engine's | CSV output SHA-256 | JSON Lines output SHA-256 |");
        out.println("| --- | ---: | ---: | --- | --- |");
        for (Outcome o : outcomes) {
            out.printf(Locale.ROOT, "| %s | %,d | %,d%s | `%s` | `%s` |%n", o.implementation(), o.accounts(),
                    o.differing(), o.firstDiffering() == null ? "" : " (first: " + o.firstDiffering() + ")",
                    o.csvSha256(), o.jsonSha256());
        }
    }

    /** One implementation's results as they are written, digested. */
    private static final class Run {
        final String name;
        final AccountEvaluator evaluator;
        final MessageDigest csvDigest = sha256();
        final MessageDigest jsonDigest = sha256();
        final Writer csvText = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), csvDigest),
                StandardCharsets.UTF_8);
        final Writer jsonText = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), jsonDigest),
                StandardCharsets.UTF_8);
        final ResultWriter csv;
        final ResultWriter json;
        long differing;
        String firstDiffering;

        Run(String name, AccountEvaluator evaluator) throws IOException {
            this.name = name;
            this.evaluator = evaluator;
            this.csv = new CsvResultWriter(csvText);
            this.json = new JsonLinesResultWriter(jsonText);
        }

        void differ(String accountId) {
            if (differing++ == 0) {
                firstDiffering = accountId;
            }
        }

        void write(ScoredRecord record) throws IOException {
            csv.write(record);
            json.write(record);
        }

        Outcome finish(long accounts) throws IOException {
            csv.close();
            json.close();
            csvText.flush();
            jsonText.flush();
            HexFormat hex = HexFormat.of();
            return new Outcome(name, accounts, differing, firstDiffering, hex.formatHex(csvDigest.digest()),
                    hex.formatHex(jsonDigest.digest()));
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
