package dev.newsflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small SVG a person can look at: throughput beside the broker's ceiling, and the delay percentiles. */
final class ResultChart {

    private ResultChart() {
    }

    static String svg(Map<String, Object> result) {
        List<String[]> throughput = new ArrayList<>();
        List<String[]> delay = new ArrayList<>();
        if (result.get("pipeline") instanceof PipelineRun.Result run) {
            throughput.add(new String[] {"pipeline end to end", Double.toString(run.articlesPerSecond())});
            delay.add(new String[] {"p50", Double.toString(run.delayP50Ms())});
            delay.add(new String[] {"p95", Double.toString(run.delayP95Ms())});
            delay.add(new String[] {"p99", Double.toString(run.delayP99Ms())});
        }
        if (result.get("brokerCeiling") instanceof BrokerCeiling.Result ceiling) {
            throughput.add(new String[] {"broker: producer tool", Double.toString(ceiling.producerRecordsPerSecond())});
            throughput.add(new String[] {"broker: consumer tool", Double.toString(ceiling.consumerRecordsPerSecond())});
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"360\" font-family=\"sans-serif\""
                + " font-size=\"13\">\n<rect width=\"720\" height=\"360\" fill=\"white\"/>\n");
        bars(svg, "Throughput (articles or records per second)", throughput, 20, "#3b6fd6");
        bars(svg, "Fetch-to-file delay (ms)", delay, 200, "#d6843b");
        return svg.append("</svg>\n").toString();
    }

    private static void bars(StringBuilder svg, String title, List<String[]> rows, int top, String color) {
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>\n", top + 14, title));
        double max = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).max().orElse(1);
        for (int i = 0; i < rows.size(); i++) {
            double value = Double.parseDouble(rows.get(i)[1]);
            int y = top + 26 + i * 26;
            double width = max <= 0 ? 0 : 420 * value / max;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"10\" y=\"%d\">%s</text><rect x=\"190\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%,.0f</text>\n",
                    y + 14, rows.get(i)[0], y, width, color, 196 + width, y + 14, value));
        }
    }
}
