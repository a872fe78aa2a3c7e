/**
 * Renders evidence reports: {@link io.icprules.evidence.report.ReportJson} writes the
 * machine-readable JSON, {@link io.icprules.evidence.report.HtmlReports} one self-contained HTML
 * page per report (inline CSS and SVG charts, no script, no external asset, opens offline), and
 * {@link io.icprules.evidence.report.TextReports} the plain-text summary a command prints.
 */
package io.icprules.evidence.report;
