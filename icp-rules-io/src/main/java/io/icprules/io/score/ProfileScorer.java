package io.icprules.io.score;

import io.icprules.engine.ProfileSet;
import io.icprules.io.AccountRecord;
import io.icprules.io.ProfiledRecord;
import io.icprules.io.ScoredRecord;
import io.icprules.fact.AccountFacts;
import io.icprules.result.FitResult;
import io.icprules.result.ProfileResults;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Scores a stream of {@link AccountRecord}s against every profile of a {@link ProfileSet}, lazily
 * and in parallel chunks, yielding exactly one {@link ProfiledRecord} per input record, in input
 * order. Memory is bounded by the chunk, not by the input.
 *
 * <p>A record that could not be read comes out as an error record. When one profile's evaluation
 * of an account fails, that profile's column holds the error and the other profiles keep their
 * results; the best fit is chosen among the results there are.
 */
public final class ProfileScorer {

    /** Records evaluated together: enough to keep the cores busy, few enough to bound memory. */
    static final int CHUNK = 1024;

    private ProfileScorer() {
    }

    /**
     * Scores records as the returned stream is consumed.
     *
     * @param profiles the profiles, never null
     * @param records  the input records, never null; consumed lazily, closed with the returned stream
     * @param asOf     the evaluation date, never null
     * @return one record per input record, in input order; sequential
     */
    public static Stream<ProfiledRecord> score(ProfileSet profiles, Stream<AccountRecord> records, LocalDate asOf) {
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(asOf, "asOf");
        Iterator<AccountRecord> in = records.iterator();
        Iterator<ProfiledRecord> out = new Iterator<>() {
            private Iterator<ProfiledRecord> current = List.<ProfiledRecord>of().iterator();

            @Override
            public boolean hasNext() {
                if (!current.hasNext() && in.hasNext()) {
                    List<AccountRecord> chunk = new ArrayList<>(CHUNK);
                    while (chunk.size() < CHUNK && in.hasNext()) {
                        chunk.add(in.next());
                    }
                    current = chunk.parallelStream().map(r -> evaluate(profiles, r, asOf)).toList().iterator();
                }
                return current.hasNext();
            }

            @Override
            public ProfiledRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(out, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(records::close);
    }

    /** Never throws for a failure of the account itself: every input record gets an output record. */
    static ProfiledRecord evaluate(ProfileSet profiles, AccountRecord r, LocalDate asOf) {
        if (r.isError()) {
            return ProfiledRecord.error(r.line(), r.accountId(), r.error());
        }
        AccountFacts facts = r.facts();
        Map<String, ScoredRecord> scored = new LinkedHashMap<>();
        ProfileResults results;
        try {
            results = profiles.evaluate(facts, asOf);
            results.results().forEach((name, res) -> scored.put(name, ScoredRecord.of(r.line(), res)));
        } catch (RuntimeException | StackOverflowError e) {
            // One profile failed: evaluate them one by one so that the others keep their results.
            Map<String, FitResult> ok = new LinkedHashMap<>();
            for (String name : profiles.profiles()) {
                try {
                    FitResult res = profiles.engine(name).evaluate(facts, asOf);
                    ok.put(name, res);
                    scored.put(name, ScoredRecord.of(r.line(), res));
                } catch (RuntimeException | StackOverflowError failure) {
                    scored.put(name, ScoredRecord.error(r.line(), r.accountId(), "evaluation failed: "
                            + (failure.getMessage() == null ? failure.toString() : failure.getMessage())));
                }
            }
            results = ok.isEmpty() ? null : ProfileResults.of(facts.accountId(), ok);
        }
        String best = results == null ? null : results.bestProfile().orElse(null);
        return new ProfiledRecord(r.line(), r.accountId(), scored, best, null);
    }
}
