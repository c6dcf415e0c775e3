package dev.newsflow.bench;

import java.util.List;
import java.util.Map;

/**
 * What one place (the sink's archive, or the enriched topic) holds against what the feeds served.
 *
 * @param lost       served article versions that never arrived
 * @param duplicated article versions that arrived more than once, with how many times
 * @param outOfOrder article ids whose versions arrived in a falling order
 */
public record DeliveryReport(String place, int expected, int received, List<String> lost,
                             Map<String, Integer> duplicated, List<String> outOfOrder) {

    public boolean clean() {
        return lost.isEmpty() && duplicated.isEmpty() && outOfOrder.isEmpty();
    }

    /** One line for a log or an assertion message. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s: %d expected, %d received, %d lost, %d duplicated, %d out of order%s", place, expected, received,
                lost.size(), duplicated.size(), outOfOrder.size(),
                clean() ? "" : " (first lost " + first(lost) + ", first duplicated " + first(duplicated.keySet())
                        + ", first out of order " + first(outOfOrder) + ")");
    }

    private static String first(java.util.Collection<String> items) {
        return items.isEmpty() ? "-" : items.iterator().next();
    }
}
