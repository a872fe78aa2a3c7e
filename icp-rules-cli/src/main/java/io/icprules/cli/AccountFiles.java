package io.icprules.cli;

import io.icprules.evidence.AccountBook;
import io.icprules.io.AccountReader;
import io.icprules.io.InputFileException;
import io.icprules.io.ReadOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The accounts file with its column mapping ({@link AccountMapping}), its events and contacts files, and
 * how they are read ({@link InputOptions}): the options of the commands that read an account book
 * ({@code explain}, {@code backtest}, {@code compare}, {@code audit}), declared once as a picocli mixin,
 * with their checks.
 */
final class AccountFiles {

    @Option(names = "--accounts", required = true, paramLabel = "FILE",
            description = "Accounts file; .csv, or .jsonl/.ndjson for JSON Lines; a CRM export with --mapping. A CSV "
                    + "with a valid_from column holds snapshots: each account as it was from that date.")
    private Path accounts;

    @Option(names = "--events", paramLabel = "FILE", description = "Events CSV: account_id,type,date,details.")
    private Path events;

    @Option(names = "--contacts", paramLabel = "FILE",
            description = "Contacts CSV: account_id,name,title,role,seniority,department.")
    private Path contacts;

    @Mixin
    private AccountMapping mapping;

    @Mixin
    private InputOptions input;

    /**
     * Checks that these files and the command's other inputs can be read, and that the accounts
     * file's format is known.
     *
     * @param support the command's support
     * @param others  the command's other input files (null for an option not given)
     * @return every input file, these first, for checking that an output does not overwrite one
     * @throws CommandSupport.Stop when a file is missing, unreadable or of an unknown format
     */
    Path[] requireReadable(CommandSupport support, Path... others) throws CommandSupport.Stop {
        Path[] inputs = Stream.concat(Stream.of(accounts, mapping.file(), events, contacts), Arrays.stream(others))
                .toArray(Path[]::new);
        support.requireReadable(inputs);
        java.util.Optional<String> format = mapping.formatProblem(accounts);
        if (format.isPresent()) {
            throw support.usage(format.get());
        }
        support.requireRelatedFormats(events, contacts);
        return inputs;
    }

    /** @return the accounts file, never null once the command line is parsed */
    Path accounts() {
        return accounts;
    }

    /** @return the {@code --mapping} file, or null when none was given */
    Path mappingFile() {
        return mapping.file();
    }

    /** @return the events file, or null when none was given */
    Path events() {
        return events;
    }

    /** @return the contacts file, or null when none was given */
    Path contacts() {
        return contacts;
    }

    /**
     * Opens the accounts file, through {@code --mapping} when given.
     *
     * @return the reader
     * @throws io.icprules.io.InputFileException when the mapping or the file's header is unusable
     * @throws IOException                       when a file cannot be read
     */
    AccountReader openAccounts() throws IOException {
        return mapping.open(accounts, input.options());
    }

    /** @return how the input files are read: {@code --encoding} and {@code --max-line-length} */
    ReadOptions options() {
        return input.options();
    }

    /**
     * @param support the command's support
     * @return the accounts with their events and contacts
     * @throws CommandSupport.Stop when a file cannot be used as a whole
     * @throws IOException         when a file cannot be read
     */
    AccountBook read(CommandSupport support) throws CommandSupport.Stop, IOException {
        try {
            return support.accounts(accounts, mapping.mapping(), events, contacts, input.options());
        } catch (InputFileException e) {
            throw support.usage(e.getMessage());
        }
    }
}
