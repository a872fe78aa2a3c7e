package io.icprules.cli;

import io.icprules.error.Diagnostic;
import io.icprules.io.AccountRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an accounts file shows that scoring would get quietly wrong: an account id listed twice (two
 * results for one account), and a custom attribute whose values mix numbers and text (a rule
 * comparing it with a number counts the text as not met).
 */
final class DataFindings {

    private final String file;
    private final Map<String, Long> firstLine = new HashMap<>();
    private final List<Diagnostic> duplicates = new ArrayList<>();
    private final Map<String, Kinds> attributes = new TreeMap<>();

    DataFindings(String file) {
        this.file = file;
    }

    /** Counts one readable record. */
    void add(AccountRecord r) {
        String id = r.facts().accountId();
        Long first = firstLine.putIfAbsent(id, r.line());
        if (first != null && duplicates.size() < 100) {
            duplicates.add(Diagnostic.warning(file, (int) r.line(), 0, "account id '" + id + "' is listed again (first"
                    + " at line " + first + "): it gets two results, and lists and reports count it twice"));
        }
        r.facts().account().getAttributes().forEach((name, value) ->
                attributes.computeIfAbsent(name, n -> new Kinds()).add(value, r.line()));
    }

    /** @return the warnings, duplicates in file order, then one per attribute of mixed types */
    List<Diagnostic> findings() {
        List<Diagnostic> out = new ArrayList<>(duplicates);
        attributes.forEach((name, k) -> {
            if (k.numbers > 0 && k.texts > 0) {
                out.add(Diagnostic.warning(file, (int) k.firstTextLine, 0, "attribute '" + name + "' mixes numbers ("
                        + k.numbers + " rows) and text (" + k.texts + " rows, such as '" + k.firstText + "' at line "
                        + k.firstTextLine + "): a rule comparing it with a number counts the text as not met;"
                        + " leave the cell empty where the number is unknown"));
            }
        });
        return out;
    }

    /** How many values of an attribute are numbers, and how many text. */
    private static final class Kinds {
        long numbers;
        long texts;
        String firstText;
        long firstTextLine;

        void add(Object value, long line) {
            if (value instanceof Number) {
                numbers++;
            } else if (value instanceof String s) {
                if (texts++ == 0) {
                    firstText = s.length() > 40 ? s.substring(0, 40) + "..." : s;
                    firstTextLine = line;
                }
            }
        }
    }
}
