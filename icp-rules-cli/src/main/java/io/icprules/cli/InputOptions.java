package io.icprules.cli;

import io.icprules.io.ReadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How input files are read: {@code --encoding} and {@code --max-line-length}, declared once as a picocli
 * mixin for every command that reads accounts, events or contacts files (and the deal files read with
 * them).
 */
final class InputOptions {

    @Option(names = "--encoding", paramLabel = "NAME", converter = EncodingConverter.class,
            description = "Encoding of the input files, such as windows-1252 or ISO-8859-1 for a CSV saved by Excel. "
                    + "Default: UTF-8. A row with bytes that are not text in it becomes an error record saying which "
                    + "encoding the file looks like.")
    private Charset encoding = StandardCharsets.UTF_8;

    @Option(names = "--max-line-length", paramLabel = "BYTES", converter = LengthConverter.class,
            description = "Longest line read, in bytes (for CSV: row, with the lines of a multi-line quoted cell); "
                    + "a longer one becomes an error record, read without being held in memory. Default: "
                    + ReadOptions.DEFAULT_MAX_LINE_LENGTH + " (1 MiB).")
    private long maxLineLength = ReadOptions.DEFAULT_MAX_LINE_LENGTH;

    /** @return the options the files are read with; checked when the command line was parsed */
    ReadOptions options() {
        return ReadOptions.defaults().withEncoding(encoding).withMaxLineLength(maxLineLength);
    }

    /** Reads {@code --encoding}, saying what is wrong with a name that cannot be used. */
    static final class EncodingConverter implements CommandLine.ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                Charset charset = ReadOptions.encodingNamed(value);
                ReadOptions.defaults().withEncoding(charset);
                return charset;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --max-line-length}: a whole number of bytes, digits grouped by commas or underscores if need be. */
    static final class LengthConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String digits = value.strip().replace(",", "").replace("_", "");
            long bytes;
            try {
                bytes = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a number of bytes, such as "
                        + ReadOptions.DEFAULT_MAX_LINE_LENGTH);
            }
            try {
                ReadOptions.defaults().withMaxLineLength(bytes);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
            return bytes;
        }
    }
}
