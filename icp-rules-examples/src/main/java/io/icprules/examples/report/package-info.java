/**
 * Renders evidence reports: {@link io.icprules.examples.report.ReportJson} writes the
 * machine-readable JSON, {@link io.icprules.examples.report.HtmlReports} one self-contained HTML
 * page per report (inline CSS and SVG charts, no script, no external asset, opens offline), and
 * {@link io.icprules.examples.report.TextReports} the plain-text summary a command prints.
 */
package io.icprules.examples.report;
