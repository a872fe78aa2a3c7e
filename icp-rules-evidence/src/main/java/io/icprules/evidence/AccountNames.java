package io.icprules.evidence;

import io.icprules.io.AccountRecord;
import io.icprules.io.TextValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds accounts by name, for deal exports that carry the company's name but not its id: first the
 * name as written, then ignoring case and runs of spaces (so {@code "ACME  retail "} finds
 * {@code Acme Retail}). Rows of the same account id count as one account; a name that fits several
 * accounts is refused, naming them, rather than guessed at.
 */
final class AccountNames {

    /** The id an account name resolves to, or why it does not resolve to one. */
    record Found(String accountId, String problem) {
    }

    private final String fileName;
    private final Map<String, Map<String, Long>> exact = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> loose = new LinkedHashMap<>();

    private AccountNames(AccountBook book) {
        this.fileName = book.fileName();
        for (AccountRecord r : book.records()) {
            if (r.isError() || r.facts().account().getName() == null) {
                continue;
            }
            String name = r.facts().account().getName();
            exact.computeIfAbsent(name, k -> new LinkedHashMap<>()).putIfAbsent(r.accountId(), r.line());
            loose.computeIfAbsent(loose(name), k -> new LinkedHashMap<>()).putIfAbsent(r.accountId(), r.line());
        }
    }

    /**
     * @param book the accounts, never null
     * @return their names
     */
    static AccountNames of(AccountBook book) {
        return new AccountNames(book);
    }

    private static String loose(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * @param label the column as messages name it
     * @param name  the name in the deal's row, never blank
     * @return the account's id, or the problem: no account or several accounts of that name
     */
    Found find(String label, String name) {
        Map<String, Long> ids = exact.get(name);
        if (ids == null) {
            ids = loose.get(loose(name));
        }
        if (ids == null) {
            return new Found(null, label + ": '" + TextValues.preview(name) + "' is the name of no account in " + fileName
                    + " (names are compared as written, then ignoring case and spaces): correct the name in the deals "
                    + "file or in " + fileName + ", or map a column that holds the account's id to account_id");
        }
        if (ids.size() > 1) {
            List<String> which = new ArrayList<>();
            ids.forEach((id, line) -> which.add(id + " (line " + line + ")"));
            return new Found(null, label + ": '" + TextValues.preview(name) + "' is the name of " + ids.size()
                    + " accounts in " + fileName + ": " + TextValues.listed(which, ", ") + "; map a column that holds "
                    + "the account's id to account_id instead, or make the names unique in " + fileName);
        }
        return new Found(ids.keySet().iterator().next(), null);
    }
}
