package io.icprules.evidence;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A calendar period deals are grouped by to see how a profile's advantage moves over time
 * ({@link Drift}): a month ({@code 2025-03}), a quarter ({@code 2025-Q1}) or a year ({@code 2025}).
 */
public enum Period {
    /** Calendar months. */
    MONTH(12),
    /** Calendar quarters: January-March is Q1. */
    QUARTER(4),
    /** Calendar years. */
    YEAR(1);

    private final int perYear;

    Period(int perYear) {
        this.perYear = perYear;
    }

    /**
     * Reads a period's name.
     *
     * @param text {@code month}, {@code quarter} or {@code year}, in any case
     * @return the period, or empty for any other text
     */
    public static Optional<Period> parse(String text) {
        for (Period p : values()) {
            if (p.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @return {@code month}, {@code quarter} or {@code year} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return {@code months}, {@code quarters} or {@code years} */
    public String plural() {
        return label() + "s";
    }

    /**
     * Numbers periods so that consecutive periods have consecutive numbers.
     *
     * @param day a day, never null
     * @return the number of the period holding the day
     */
    public long index(LocalDate day) {
        return day.getYear() * (long) perYear + (day.getMonthValue() - 1) / (12 / perYear);
    }

    /**
     * @param index a period's number, see {@link #index}
     * @return the period's first day
     */
    public LocalDate start(long index) {
        return LocalDate.of((int) Math.floorDiv(index, perYear), (int) Math.floorMod(index, perYear) * (12 / perYear) + 1, 1);
    }

    /**
     * @param index a period's number, see {@link #index}
     * @return the period's last day
     */
    public LocalDate end(long index) {
        return start(index + 1).minusDays(1);
    }

    /**
     * @param index a period's number, see {@link #index}
     * @return {@code 2025-03}, {@code 2025-Q1} or {@code 2025}
     */
    public String name(long index) {
        LocalDate start = start(index);
        return switch (this) {
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(start.getYear());
        };
    }
}
