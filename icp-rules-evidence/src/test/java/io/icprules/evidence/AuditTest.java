package io.icprules.evidence;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.testing.TinyRuleset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditing open deals against the tiny ruleset with the real engine. */
class AuditTest {

    @TempDir
    Path dir;

    private FitEngine engine;

    @BeforeEach
    void engine() throws IOException {
        engine = IcpRules.fromDirectory(TinyRuleset.write(dir));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void flagsOpenDealsOfDisqualifiedAndExcludedAccountsByRule() throws IOException {
        List<PipelineRecord> pipeline = PipelineReader.read(Fixtures.write(dir, "pipeline.csv", """
                deal_id,account_id,stage,amount
                D-1,fit-1,demo,10000
                D-2,sw-1,proposal,20000
                D-3,sw-2,demo,
                D-4,dq-1,negotiation,5000
                D-5,insuf-1,discovery,3000
                D-6,nobody,demo,100
                D-7,fit-2,demo,-1
                D-8,sw-3,demo,1000
                """));
        AuditReport r = Audit.run(engine, Fixtures.accounts(dir), pipeline, LocalDate.of(2026, 11, 1));

        assertThat(r.deals()).isEqualTo(8);
        assertThat(r.checked()).isEqualTo(6);
        assertThat(r.flagged()).isEqualTo(4); // D-2, D-3, D-8 (headcount) and D-4 (competitor)
        assertThat(r.amountAtStake()).isEqualByComparingTo("26000");
        assertThat(r.flaggedWithoutAmount()).isEqualTo(1);
        assertThat(r.groups()).extracting(AuditGroup::rule, AuditGroup::kind, AuditGroup::deals, AuditGroup::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Mid-market headcount", AuditGroup.UNMET_HARD_FILTER, 3L,
                                new BigDecimal("21000")),
                        org.assertj.core.groups.Tuple.tuple("Uses competitor", AuditGroup.DISQUALIFIER, 1L,
                                new BigDecimal("5000")));
        AuditGroup headcount = r.groups().get(0);
        assertThat(headcount.items()).extracting(AuditDeal::dealId).containsExactly("D-2", "D-8", "D-3");
        assertThat(headcount.items().get(0).reason()).isEqualTo("not met: Headcount 5000 within 100-500");
        assertThat(headcount.items().get(0).decision()).isEqualTo("EXCLUDED");
        assertThat(headcount.items().get(0).stage()).isEqualTo("proposal");
        assertThat(headcount.items().get(0).line()).isEqualTo(3);
        assertThat(r.insufficientData()).singleElement().satisfies(d -> {
            assertThat(d.dealId()).isEqualTo("D-5");
            assertThat(d.reason()).isEqualTo("missing: industry");
        });
        assertThat(r.errors()).extracting(RecordError::line).containsExactly(7L, 8L);
        assertThat(r.errors().get(0).error()).isEqualTo("deal D-6: account nobody is not in accounts.csv");
        assertThat(r.errors().get(1).error()).isEqualTo("deal D-7: amount: -1 is negative");
    }

    @Test
    void aCleanPipelineFlagsNothing() throws IOException {
        List<PipelineRecord> pipeline = PipelineReader.read(Fixtures.write(dir, "pipeline.csv", """
                deal_id,account_id,stage,amount
                D-1,fit-1,demo,10000
                D-2,fit-2,demo,2000
                """));
        AuditReport r = Audit.run(engine, Fixtures.accounts(dir), pipeline, LocalDate.of(2026, 11, 1));
        assertThat(r.flagged()).isZero();
        assertThat(r.groups()).isEmpty();
        assertThat(r.amountAtStake()).isEqualByComparingTo("0");
        assertThat(r.checked()).isEqualTo(2);
    }
}
