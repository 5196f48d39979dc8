package ai.seed.web.console.metaconcepts;

import ai.seed.inference.dictionary.DictionaryMap;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The 2-D PCA map of a version's concepts as a PNG scatter plot, one colour per meta-concept. */
final class ConceptMapChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 420;

    private ConceptMapChart() {
    }

    static byte[] png(DictionaryMap.MapView map, Map<Integer, String> clusterLabels) {
        Map<Integer, XYSeries> series = new TreeMap<>();
        for (DictionaryMap.Point p : map.points()) {
            series.computeIfAbsent(p.clusterIndex(), i -> new XYSeries(i + ": " + clusterLabels.getOrDefault(i, "meta-" + i),
                    false, true)).add(p.x(), p.y());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createScatterPlot("Concept embeddings (PCA), coloured by meta-concept",
                "principal component 1", "principal component 2", data, PlotOrientation.VERTICAL,
                series.size() <= 20, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xd0d5dd));
        plot.setRangeGridlinePaint(new Color(0xd0d5dd));
        XYItemRenderer renderer = plot.getRenderer();
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
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
