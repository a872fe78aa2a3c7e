package io.icprules.io;

import java.io.IOException;

/**
 * Opens a reader over an accounts file, from its start, each time it is called: for a pass that needs
 * the accounts' ids before the accounts are read for good. Every reader it opens must read the same
 * file the same way (same reader type, same column mapping), so that each gives the same records.
 * Typically {@code () -> AccountReader.open(file)}.
 */
@FunctionalInterface
public interface AccountReaderFactory {

    /**
     * @return a new reader, positioned before the first account; the caller closes it
     * @throws InputFileException when the file cannot be used at all
     * @throws IOException        when the file cannot be opened
     */
    AccountReader open() throws IOException;
}
