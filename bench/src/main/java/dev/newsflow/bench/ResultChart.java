package dev.newsflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small SVG a person can look at: throughput beside the broker's ceiling, the delay percentiles, and the
 * articles reaching the archive second by second (the run's fill, its pace, and its drain).
 */
final class ResultChart {

    private ResultChart() {
    }

    static String svg(Map<String, Object> result) {
        List<String[]> throughput = new ArrayList<>();
        List<String[]> delay = new ArrayList<>();
        int[] perSecond = new int[0];
        if (result.get("pipeline") instanceof PipelineRun.Result run) {
            perSecond = run.arrivedPerSecond();
            throughput.add(new String[] {"pipeline end to end", Double.toString(run.articlesPerSecond())});
            delay.add(new String[] {"p50", Double.toString(run.delayP50Ms())});
            delay.add(new String[] {"p95", Double.toString(run.delayP95Ms())});
            delay.add(new String[] {"p99", Double.toString(run.delayP99Ms())});
        }
        if (result.get("kafkaFloor") instanceof KafkaFloor.Result floor) {
            throughput.add(new String[] {"same shape, no work", Double.toString(floor.articlesPerSecond())});
        }
        if (result.get("brokerCeiling") instanceof BrokerCeiling.Result ceiling) {
            throughput.add(new String[] {"broker: producer tool", Double.toString(ceiling.producerRecordsPerSecond())});
            throughput.add(new String[] {"broker: consumer tool", Double.toString(ceiling.consumerRecordsPerSecond())});
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"520\" font-family=\"sans-serif\""
                + " font-size=\"13\">\n<rect width=\"720\" height=\"520\" fill=\"white\"/>\n");
        bars(svg, "Throughput (articles or records per second)", throughput, 20, "#3b6fd6");
        bars(svg, "Fetch-to-file delay (ms)", delay, 200, "#d6843b");
        columns(svg, "Articles reaching the archive in each second after the first fetch", perSecond, 340, "#3b9d5d");
        return svg.append("</svg>\n").toString();
    }

    private static void bars(StringBuilder svg, String title, List<String[]> rows, int top, String color) {
        title(svg, title, top);
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

    private static void columns(StringBuilder svg, String title, int[] counts, int top, String color) {
        title(svg, title, top);
        int max = Math.max(1, Arrays.stream(counts).max().orElse(1));
        double slot = 640.0 / Math.max(1, counts.length);
        int base = top + 150;
        for (int i = 0; i < counts.length; i++) {
            double height = 120.0 * counts[i] / max;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                    60 + i * slot, base - height, Math.max(1, slot * 0.8), height, color));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%,d</text><text x=\"10\" y=\"%d\">0</text>"
                + "<text x=\"60\" y=\"%d\">0 s</text><text x=\"650\" y=\"%d\">%d s</text>\n",
                base - 110, max, base, base + 16, base + 16, counts.length));
    }

    private static void title(StringBuilder svg, String title, int top) {
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>\n",
                top + 14, title));
    }
}
