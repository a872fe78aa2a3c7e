package io.icprules.evidence;

import io.icprules.io.CrmValues;
import io.icprules.io.CsvRow;
import io.icprules.io.TextValues;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The cells of a deal row by the column of the file's own layout ({@code amount}, {@code close_date}),
 * converted as that layout says (plain numbers, {@code yyyy-MM-dd} dates) or, for a CRM export, as its
 * {@link DealMapping} says (values translated, numbers as people write them, dates in the export's
 * pattern). Messages name the column as the file spells it.
 */
abstract class DealCells {

    /** The file's own layout. */
    static final DealCells PLAIN = new DealCells() {
        @Override
        String label(String column) {
            return column;
        }

        @Override
        String text(CsvRow row, String column) {
            return row.get(column);
        }

        @Override
        LocalDate date(CsvRow row, String column) {
            return TextValues.isoDate(column, row.get(column));
        }

        @Override
        BigDecimal number(CsvRow row, String column) {
            return TextValues.decimal(column, row.get(column));
        }

        @Override
        Long whole(CsvRow row, String column) {
            return TextValues.wholeLong(column, row.get(column));
        }

        @Override
        Boolean bool(CsvRow row, String column) {
            return TextValues.bool(column, row.get(column));
        }
    };

    /**
     * @param mapping the export's mapping, never null
     * @return cells read through it
     */
    static DealCells mapped(DealMapping mapping) {
        return new DealCells() {
            @Override
            String label(String column) {
                DealMapping.Column c = mapping.column(column);
                return c == null ? column : "column '" + c.header() + "' (" + column + ")";
            }

            @Override
            String text(CsvRow row, String column) {
                DealMapping.Column c = mapping.column(column);
                return c == null ? null : DealMapping.translate(c, row.get(column));
            }

            @Override
            LocalDate date(CsvRow row, String column) {
                DealMapping.Column c = mapping.column(column);
                return c == null ? null : CrmValues.date(label(column), text(row, column), c.date(), c.datePattern());
            }

            @Override
            BigDecimal number(CsvRow row, String column) {
                return CrmValues.number(label(column), text(row, column), CrmValues.RangeRule.LOWER);
            }

            @Override
            Long whole(CsvRow row, String column) {
                return CrmValues.whole(label(column), text(row, column), CrmValues.RangeRule.LOWER);
            }

            @Override
            Boolean bool(CsvRow row, String column) {
                return CrmValues.bool(label(column), text(row, column));
            }
        };
    }

    /** @return the column as messages name it: {@code amount}, or {@code column 'Amount' (amount)} */
    abstract String label(String column);

    /** @return the cell's text (translated), or null when the file has no such column */
    abstract String text(CsvRow row, String column);

    /** @return the date, or null when blank */
    abstract LocalDate date(CsvRow row, String column);

    /** @return the number, or null when blank */
    abstract BigDecimal number(CsvRow row, String column);

    /** @return the whole number, or null when blank */
    abstract Long whole(CsvRow row, String column);

    /** @return the yes/no answer, or null when blank */
    abstract Boolean bool(CsvRow row, String column);
}
