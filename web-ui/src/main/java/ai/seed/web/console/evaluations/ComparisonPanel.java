package ai.seed.web.console.evaluations;

import ai.seed.inference.evaluation.report.ComparisonTable;
import ai.seed.inference.evaluation.report.EvalCsv;
import ai.seed.inference.evaluation.report.EvalJson;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The selected runs side by side: the table shaped like the paper's Tables 1 and 5 (strict
 * columns, then the reference code's lenient ones, each header labelled), a bar chart, and the
 * table as CSV or JSON.
 */
class ComparisonPanel extends VerticalLayout {

    private final Grid<List<String>> table = new Grid<>();
    private final VerticalLayout chart = new VerticalLayout();
    private final HorizontalLayout downloads = new HorizontalLayout();

    ComparisonPanel() {
        setPadding(false);
        table.setId("eval-comparison");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        table.setAllRowsVisible(true);
        chart.setPadding(false);
        chart.setId("eval-chart");
        add(new H3("Comparison (paper Tables 1 and 5)"), downloads, table, chart);
    }

    void show(ComparisonTable comparison) {
        table.removeAllColumns();
        List<String> header = comparison.header();
        for (int i = 0; i < header.size(); i++) {
            int column = i;
            table.addColumn(row -> row.get(column)).setHeader(header.get(i)).setAutoWidth(true)
                    .setFlexGrow(i == 0 ? 1 : 0).setResizable(true);
        }
        table.setItems(comparison.rows());
        downloads.removeAll();
        downloads.add(download("Table as CSV", "evaluation-comparison.csv", "text/csv",
                EvalCsv.comparison(comparison)));
        downloads.add(download("Table as JSON", "evaluation-comparison.json", "application/json",
                EvalJson.write(EvalJson.comparison(comparison))));
        chart.removeAll();
        byte[] png = EvalCharts.comparison(comparison.runs());
        Image image = new Image(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(png), "evaluation-chart.png", "image/png", png.length)),
                "Bar chart of the compared runs' scores");
        image.setId("eval-chart-image");
        image.setWidth(EvalCharts.WIDTH + "px");
        image.setMaxWidth("100%");
        chart.add(image);
    }

    static Anchor download(String text, String fileName, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Anchor a = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(bytes), fileName, type, bytes.length)), text);
        a.getElement().setAttribute("download", fileName);
        return a;
    }
}
