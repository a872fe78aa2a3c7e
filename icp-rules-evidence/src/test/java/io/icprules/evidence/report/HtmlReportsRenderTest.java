package io.icprules.evidence.report;

import io.icprules.engine.FitEngine;
import io.icprules.engine.IcpRules;
import io.icprules.evidence.AccountBook;
import io.icprules.evidence.Backtest;
import io.icprules.evidence.BacktestReport;
import io.icprules.evidence.Comparison;
import io.icprules.evidence.ComparisonReport;
import io.icprules.evidence.DealRecord;
import io.icprules.evidence.Period;
import io.icprules.evidence.synthetic.SyntheticHistory;
import io.icprules.io.AccountRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML reports in a real browser: headless Chromium renders the page offline, and the test
 * checks the charts were drawn (the bars are in the DOM the browser built, and the screenshot holds
 * each chart's bar colours in its own column of the page).
 */
class HtmlReportsRenderTest {

    private static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);

    @TempDir
    static Path dir;

    private static FitEngine engine;
    private static AccountBook accounts;
    private static List<DealRecord> deals;
    private static BacktestReport report;

    @BeforeAll
    static void backtest() throws IOException {
        engine = IcpRules.fromDirectory(Path.of("../icp-rules-examples/rulesets/workforce-scheduling"));
        List<SyntheticHistory.HistoryDeal> history = SyntheticHistory.generate(engine, 800, 3, ANCHOR);
        List<AccountRecord> records = new ArrayList<>();
        deals = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            records.add(AccountRecord.ok(i + 2, history.get(i).facts()));
            deals.add(DealRecord.ok(i + 2, history.get(i).deal()));
        }
        deals.add(DealRecord.error(802, "acc-x", "outcome: 'maybe' is not won, lost, open or churned"));
        accounts = AccountBook.of("accounts.csv", records, List.of());
        report = Backtest.run(engine, accounts, deals);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void theBacktestPageIsSelfContained() {
        String html = HtmlReports.backtest(report);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).doesNotContain("<script", "<link", "src=", "url(", "@import");
        // The only address is the SVG namespace name, which browsers never fetch.
        Matcher m = Pattern.compile("https?://[^\"' )]+").matcher(html);
        while (m.find()) {
            assertThat(m.group()).isEqualTo("http://www.w3.org/2000/svg");
        }
        assertThat(html).contains(Html.escape(report.verdict().text()));
        assertThat(html).contains("outcome: 'maybe' is not won, lost, open or churned")
                .contains("Rows left out of the figures (1)");
    }

    @Test
    void chromiumDrawsTheThreeCharts() throws IOException, InterruptedException {
        Chromium chromium = Chromium.locate();
        Path page = dir.resolve("backtest.html");
        HtmlReports.write(HtmlReports.backtest(report), page);

        String dom = chromium.dumpDom(page, dir);
        for (String id : List.of("bt-win-rate", "bt-score-histogram", "bt-retention")) {
            assertThat(dom).as("chart %s", id).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\"");
        }
        // Win rate and retention: one bar per tier plus in-ICP and out-of-ICP; histogram: one per non-empty part.
        assertThat(count(chart(dom, "bt-win-rate"), "class=\"bar\"")).isEqualTo(report.tiers().size() + 2);
        long parts = report.scoreHistogram().stream()
                .mapToLong(b -> (b.won() > 0 ? 1 : 0) + (b.lost() > 0 ? 1 : 0) + (b.open() > 0 ? 1 : 0)).sum();
        assertThat(count(chart(dom, "bt-score-histogram"), "class=\"bar\"")).isEqualTo(parts);

        Path png = dir.resolve("backtest.png");
        chromium.screenshot(page, png, 1300, 900, dir);
        BufferedImage image = ImageIO.read(png.toFile());
        Region winRate = region(image, Charts.WIN_RATE);
        Region won = region(image, Charts.WON);
        Region lost = region(image, Charts.LOST);
        Region retention = region(image, Charts.RETENTION);
        for (Region r : List.of(winRate, won, lost, retention)) {
            assertThat(r.pixels()).as("pixels of %s", r.colour()).isGreaterThan(400);
        }
        // Side by side, left to right: win rate, histogram, retention.
        assertThat(winRate.maxX()).isLessThan(Math.min(won.minX(), lost.minX()));
        assertThat(Math.max(won.maxX(), lost.maxX())).isLessThan(retention.minX());
    }

    @Test
    void chromiumDrawsTheDriftChart() throws IOException, InterruptedException {
        Chromium chromium = Chromium.locate();
        BacktestReport byYear = Backtest.run(engine, accounts, deals, Period.YEAR);
        Path page = dir.resolve("drift.html");
        HtmlReports.write(HtmlReports.backtest(byYear), page);
        String dom = chromium.dumpDom(page, dir);
        String chart = chart(dom, "bt-drift");
        long withRatio = byYear.drift().periods().stream().filter(p -> p.ratio() != null).count();
        long counted = byYear.drift().counted().size();
        assertThat(withRatio).isPositive();
        assertThat(counted).isPositive();
        // A filled point with three whisker lines per counted period, a hollow point for the others.
        assertThat(count(chart, "class=\"point\"")).isEqualTo(counted);
        assertThat(count(chart, "class=\"point few\"")).isEqualTo(withRatio - counted);
        assertThat(count(chart, "class=\"whisker\"")).isEqualTo(3 * counted);

        Path png = dir.resolve("drift.png");
        chromium.screenshot(page, png, 1300, 1400, dir);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(region(image, Charts.RATIO).pixels()).isGreaterThan(60);
    }

    @Test
    void chromiumRendersTheComparisonWithBothBacktests() throws IOException, InterruptedException {
        Chromium chromium = Chromium.locate();
        try (FitEngine next = IcpRules.fromDirectory(Path.of("../icp-rules-examples/rulesets/workforce-scheduling-1.1"))) {
            ComparisonReport r = Comparison.run(engine, next, accounts, ANCHOR, deals, 10);
            Path page = dir.resolve("compare.html");
            HtmlReports.write(HtmlReports.comparison(r), page);
            String dom = chromium.dumpDom(page, dir);
            assertThat(dom).contains("id=\"transition-matrix\"");
            for (String id : List.of("old-win-rate", "old-score-histogram", "old-retention", "new-win-rate",
                    "new-score-histogram", "new-retention")) {
                assertThat(count(chart(dom, id), "class=\"bar\"")).as("bars of %s", id).isPositive();
            }
            Path png = dir.resolve("compare.png");
            chromium.screenshot(page, png, 1300, 2400, dir);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(region(image, Charts.WIN_RATE).pixels()).isGreaterThan(400);
        }
    }

    private static String chart(String dom, String id) {
        int start = dom.indexOf("id=\"" + id + "\"");
        assertThat(start).as("chart %s in the DOM", id).isPositive();
        return dom.substring(start, dom.indexOf("</svg>", start));
    }

    private static long count(String text, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }

    /** Where a colour appears in an image, and how often. */
    private record Region(String colour, long pixels, int minX, int maxX) {
    }

    private static Region region(BufferedImage image, String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        long n = 0;
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
        }
        return new Region(colour, n, min, max);
    }
}
