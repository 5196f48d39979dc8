package ai.seed.web.console.evaluations;

import ai.seed.inference.evaluation.report.LabelledScores;
import ai.seed.inference.evaluation.scoring.EvalScores;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The comparison as a grouped bar chart (PNG, JFreeChart, headless): for each metric of the
 * paper's tables one group, one bar per run, strict and lenient metrics side by side and
 * labelled. A metric over no items is left out of its group rather than drawn as 0.
 */
final class EvalCharts {

    static final int WIDTH = 860;
    static final int HEIGHT = 340;
    private static final Color[] COLORS = {new Color(0x1676f3), new Color(0xe8583f), new Color(0x2e9b5f),
        new Color(0x9b59b6), new Color(0xf1c40f), new Color(0x34495e)};

    private record Metric(String name, Function<EvalScores, Double> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("Rec. weighted (strict)", s -> s.recognition().strict().weighted()),
            new Metric("Rec. weighted (lenient)", s -> s.recognition().lenient().weighted()),
            new Metric("VQA (MC) (strict)", s -> s.multipleChoice().strict().value()),
            new Metric("VQA (MC) (lenient)", s -> s.multipleChoice().lenient().value()),
            new Metric("Text-only (strict)", s -> s.textOnly().strict().value()),
            new Metric("Text-only (lenient)", s -> s.textOnly().lenient().value()));

    private EvalCharts() {
    }

    static byte[] comparison(List<LabelledScores> runs) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Metric m : METRICS) {
            for (LabelledScores run : runs) {
                Double v = m.value().apply(run.scores());
                if (v != null) {
                    data.addValue(v, run.label(), m.name());
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Runs side by side", null, "score (0-1)", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xd0d5dd));
        plot.setOutlineVisible(false);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < runs.size(); i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
