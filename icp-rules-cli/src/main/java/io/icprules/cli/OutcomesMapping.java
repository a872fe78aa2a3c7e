package io.icprules.cli;

import io.icprules.evidence.AccountBook;
import io.icprules.evidence.DealMapping;
import io.icprules.evidence.DealRecord;
import io.icprules.evidence.OutcomesReader;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --outcomes-mapping} option of the commands that read an outcomes file ({@code backtest},
 * {@code compare}, {@code discover}), declared once as a picocli mixin, and the one way those commands
 * read their deals and accounts.
 */
final class OutcomesMapping {

    /** The deals (null when the command has no outcomes file) and the accounts they were read against. */
    record Loaded(List<DealRecord> deals, AccountBook book) {
    }

    @Option(names = "--outcomes-mapping", paramLabel = "FILE",
            description = "Column mapping (YAML) for an outcomes file exported from a CRM, such as a HubSpot deals "
                    + "export or a Salesforce opportunities report: which column is which, stage names to won, lost "
                    + "and open, the export's date pattern; the account may be named by id or by name.")
    private Path file;

    /** @return the mapping file, or null when none was given */
    Path file() {
        return file;
    }

    /**
     * Reads the outcomes file (through the mapping when given) and the accounts. Without a mapping, or
     * with one that names accounts by id, the outcomes are read first, so that a bad header stops the
     * command before a large accounts file is loaded; a mapping that names accounts by company name
     * needs the accounts first.
     *
     * @param support  the command's support
     * @param outcomes the outcomes file, or null when the command was given none
     * @param accounts the accounts, events and contacts options
     * @return the deals (null when {@code outcomes} is null) and the accounts
     * @throws CommandSupport.Stop when a file cannot be used as a whole
     * @throws IOException         when a file cannot be read
     */
    Loaded load(CommandSupport support, Path outcomes, AccountFiles accounts) throws CommandSupport.Stop, IOException {
        if (file != null && outcomes == null) {
            throw support.usage("--outcomes-mapping is the mapping of an --outcomes file; give --outcomes too");
        }
        DealMapping mapping = support.dealMapping(file, DealMapping.Layout.OUTCOMES);
        List<DealRecord> deals = outcomes == null ? null : read(support, outcomes, mapping, null, accounts);
        AccountBook book = accounts.read(support);
        if (outcomes != null && deals == null) {
            deals = read(support, outcomes, mapping, book, accounts);
        }
        return new Loaded(deals, book);
    }

    private static List<DealRecord> read(CommandSupport support, Path outcomes, DealMapping mapping, AccountBook book,
                                         AccountFiles accounts) throws CommandSupport.Stop, IOException {
        return support.deals(outcomes, mapping, book, f -> OutcomesReader.read(f, accounts.options()),
                (f, m, b) -> OutcomesReader.read(f, m, b, accounts.options()));
    }
}
