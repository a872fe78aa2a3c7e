package io.icprules.io;

import io.icprules.error.InvalidFactException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text forms every reader shares, and the writing rules that read back to the same values. */
class TextValuesTest {

    @Test
    void textValuesParseOrSayWhy() {
        assertThat(TextValues.wholeInt("n", " 42 ")).isEqualTo(42);
        assertThat(TextValues.wholeLong("n", "")).isNull();
        assertThatThrownBy(() -> TextValues.wholeInt("n", "99999999999")).isInstanceOf(InvalidFactException.class)
                .hasMessage("n: '99999999999' is too large");
        assertThatThrownBy(() -> TextValues.isoDate("d", "01/02/2026")).hasMessage("d: '01/02/2026' is not a date in yyyy-MM-dd form");
        assertThat(TextValues.preview("x".repeat(70))).hasSize(63).endsWith("...");
        assertThat(TextValues.relabel("annual_revenue", new InvalidFactException("annualRevenue", "must be 0 or more"))
                .getMessage()).isEqualTo("annual_revenue: must be 0 or more");
    }

    @Test
    void listsSplitOnTheSeparator() {
        assertThat(TextValues.list("Toast; Square;;ADP ", ";")).containsExactly("Toast", "Square", "ADP");
        assertThat(TextValues.list("a | b", "|")).containsExactly("a", "b");
        assertThat(TextValues.list(null, ";")).isEmpty();
    }

    @Test
    void listsAndPairsReadBackAsWritten() {
        List<String> entries = List.of("Toast", "Square", "ADP");
        assertThat(TextValues.list(TextValues.joinList(entries))).isEqualTo(entries);
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("stage", "seed");
        pairs.put("url", "https://acme.com/?a=b");
        assertThat(TextValues.joinPairs(pairs)).isEqualTo("stage=seed;url=https://acme.com/?a=b");
        assertThat(TextValues.pairs("details", TextValues.joinPairs(pairs))).isEqualTo(pairs);
        assertThatThrownBy(() -> TextValues.pairs("details", "stage")).isInstanceOf(InvalidFactException.class)
                .hasMessage("details: 'stage' is not a key=value pair");
    }

    @Test
    void decimalsAreWrittenPlainlyWithAPoint() {
        assertThat(TextValues.decimalText(1.2e6)).isEqualTo("1200000.0");
        assertThat(TextValues.decimalText(new BigDecimal("1200"))).isEqualTo("1200.0");
        assertThat(TextValues.decimalText(new BigDecimal("1E+3"))).isEqualTo("1000.0");
        assertThat(TextValues.decimalText(Double.NaN)).isEqualTo("NaN");
        assertThat(TextValues.attribute("attr.x", TextValues.decimalText(12.0))).isEqualTo(12.0);
        assertThat(TextValues.decimal("amount", TextValues.decimalText(new BigDecimal("-35.50"))))
                .isEqualByComparingTo("-35.5");
    }

    @Test
    void refusalsQuoteTheValueBriefly() {
        assertThat(TextValues.refused("employees", "12a", "is not a whole number").getMessage())
                .isEqualTo("employees: '12a' is not a whole number");
        assertThat(TextValues.refused("n", "x".repeat(70), "is bad").getMessage())
                .isEqualTo("n: '" + "x".repeat(60) + "...' is bad");
        assertThatThrownBy(() -> TextValues.toInt("founded_year", " +3000000000 ", 3_000_000_000L))
                .hasMessage("founded_year: '+3000000000' is too large");
    }
}
