package io.icprules.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/** Where a report command writes its report besides standard output, declared once as a picocli mixin. */
final class ReportFiles {

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    private Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as one self-contained HTML page.")
    private Path html;

    /**
     * @param support the command's support
     * @param inputs  the command's input files, which no report may overwrite
     * @throws CommandSupport.Stop when a report file cannot be written
     */
    void requireWritable(CommandSupport support, Path... inputs) throws CommandSupport.Stop {
        support.requireWritable(json, inputs);
        support.requireWritable(html, inputs);
    }

    /**
     * Writes the report to the files asked for.
     *
     * @param support the command's support
     * @param report  the report
     * @param page    renders the report as an HTML page
     * @param <R>     the report's type
     * @throws IOException when a file cannot be written
     */
    <R> void write(CommandSupport support, R report, Function<R, String> page) throws IOException {
        support.writeReports(report, json, html, page);
    }
}
