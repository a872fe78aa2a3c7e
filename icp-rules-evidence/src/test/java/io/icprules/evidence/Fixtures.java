package io.icprules.evidence;

import io.icprules.testing.TestFiles;

import java.io.IOException;
import java.nio.file.Path;

/** Small files for the evidence tests, scored with {@link io.icprules.testing.TinyRuleset}. */
final class Fixtures {

    /**
     * Under the tiny ruleset as of any date: fit-* are FIT (Retail 200: score 30, tier D; with a fresh
     * funding event 50, tier C), sw-* are EXCLUDED (Software, 5000 employees: score 0), dq-1 is
     * DISQUALIFIED (CompetitorX), insuf-1 is INSUFFICIENT_DATA (no industry), bad-1's row is unreadable.
     */
    static final String ACCOUNTS = """
            id,name,industry,employees,country,technologies
            fit-1,One,Retail,200,US,
            fit-2,Two,Retail,200,US,
            fit-3,Three,Retail,200,US,
            sw-1,Four,Software,5000,US,
            sw-2,Five,Software,5000,US,
            sw-3,Six,Software,5000,US,
            dq-1,Seven,Retail,200,US,CompetitorX
            insuf-1,Eight,,200,US,
            bad-1,Nine,Retail,12a,US,
            funded-1,Ten,Retail,200,US,
            """;

    /** One funding round for funded-1, on 2026-03-01. */
    static final String EVENTS = """
            account_id,type,date,details
            funded-1,funding_round,2026-03-01,round=Series B
            """;

    private Fixtures() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return TestFiles.write(dir, name, text);
    }

    static AccountBook accounts(Path dir) throws IOException {
        return AccountBook.load(write(dir, "accounts.csv", ACCOUNTS), write(dir, "events.csv", EVENTS), null);
    }
}
