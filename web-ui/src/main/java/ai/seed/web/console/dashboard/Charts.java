package ai.seed.web.console.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Server-side charts of the per-day figures, as PNG bytes (JFreeChart, headless AWT): a bar chart
 * per series, or a line chart for several series that share an axis.
 */
final class Charts {

    static final int WIDTH = 480;
    static final int HEIGHT = 280;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final Color[] COLORS = {new Color(0x1676f3), new Color(0xe8583f), new Color(0x2e9b5f)};

    private Charts() {
    }

    /** A named series: how to read one value of a day. */
    record Series(String name, ToDoubleFunction<TurnStats.Day> value) {
    }

    static byte[] bars(String title, String axis, List<TurnStats.Day> days, Series... series) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, dataset(days, series),
                PlotOrientation.VERTICAL, series.length > 1, false, false);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < series.length; i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
        }
        return png(style(chart));
    }

    /** Bars of a percentage: the axis always runs from 0 to 100. */
    static byte[] percentBars(String title, String axis, List<TurnStats.Day> days, Series series) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, dataset(days, series),
                PlotOrientation.VERTICAL, false, false, false);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, COLORS[1]);
        style(chart);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 100);
        return png(chart);
    }

    static byte[] lines(String title, String axis, List<TurnStats.Day> days, Series... series) {
        JFreeChart chart = ChartFactory.createLineChart(title, null, axis, dataset(days, series),
                PlotOrientation.VERTICAL, series.length > 1, false, false);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) chart.getCategoryPlot().getRenderer();
        for (int i = 0; i < series.length; i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
            renderer.setSeriesShapesVisible(i, true);
        }
        return png(style(chart));
    }

    private static DefaultCategoryDataset dataset(List<TurnStats.Day> days, Series... series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (TurnStats.Day d : days) {
                data.addValue(s.value().applyAsDouble(d), s.name(), DAY.format(d.day()));
            }
        }
        return data;
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xd0d5dd));
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setAutoRangeIncludesZero(true);
        range.setAutoRangeMinimumSize(1.0);
        return chart;
    }

    private static byte[] png(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
