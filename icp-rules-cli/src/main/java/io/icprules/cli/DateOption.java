package io.icprules.cli;

import picocli.CommandLine;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a date option such as {@code --as-of 2026-11-01}, saying what is wrong with one that is not a day. */
final class DateOption implements CommandLine.ITypeConverter<LocalDate> {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    @Override
    public LocalDate convert(String value) {
        Matcher m = ISO.matcher(value.strip());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date: write it as YYYY-MM-DD,"
                    + " such as 2026-11-01");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date: there is no month " + month
                    + " (months are 01 to 12)");
        }
        int days = YearMonth.of(year, month).lengthOfMonth();
        if (day < 1 || day > days) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date: "
                    + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has " + days
                    + " days");
        }
        return LocalDate.of(year, month, day);
    }
}
