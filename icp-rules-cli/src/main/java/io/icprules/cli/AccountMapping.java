package io.icprules.cli;

import io.icprules.io.AccountReader;
import io.icprules.io.ColumnMapping;
import io.icprules.io.FileFormat;
import io.icprules.io.ReadOptions;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --mapping}: the column mapping of a CSV accounts file with its own headers (a HubSpot or
 * Salesforce export), declared once as a picocli mixin for every command that reads accounts
 * ({@code score}, {@code explain}, {@code validate --data}, {@code backtest}, {@code compare},
 * {@code audit}), with the one way those commands open an accounts file.
 */
final class AccountMapping {

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Column mapping (YAML) for a CSV accounts file with other headers, such as a HubSpot or "
                    + "Salesforce export: which column is which field, and how values are converted.")
    private Path file;

    private ColumnMapping loaded;

    /** @return the mapping file, or null when none was given */
    Path file() {
        return file;
    }

    /**
     * @param accounts an accounts file given to the command
     * @return why the file cannot be read (a mapping for JSON Lines, or a name whose format is unknown), or empty
     */
    Optional<String> formatProblem(Path accounts) {
        if (file != null) {
            return FileFormat.fromFileName(accounts).orElse(FileFormat.CSV) != FileFormat.CSV
                    ? Optional.of("--mapping applies to CSV accounts files; " + accounts + " is JSON Lines")
                    : Optional.empty();
        }
        return FileFormat.fromFileName(accounts).isPresent() ? Optional.empty()
                : Optional.of("cannot tell the format of " + accounts + " from its name; use the extension .csv, "
                        + ".jsonl or .ndjson, or give --mapping for a CSV export");
    }

    /**
     * @return the mapping, read once, or null when none was given
     * @throws io.icprules.io.InputFileException when the mapping file has mistakes
     * @throws IOException                       when it cannot be read
     */
    ColumnMapping mapping() throws IOException {
        if (file != null && loaded == null) {
            loaded = ColumnMapping.load(file);
        }
        return loaded;
    }

    /**
     * Opens an accounts file: through the mapping when one was given, else in its own layout.
     *
     * @param accounts the accounts file
     * @param options  how it is read
     * @return the reader
     * @throws io.icprules.io.InputFileException when the mapping or the file's header is unusable
     * @throws IOException                       when a file cannot be read
     */
    AccountReader open(Path accounts, ReadOptions options) throws IOException {
        ColumnMapping m = mapping();
        return m == null ? AccountReader.open(accounts, options) : AccountReader.open(accounts, m, options);
    }
}
