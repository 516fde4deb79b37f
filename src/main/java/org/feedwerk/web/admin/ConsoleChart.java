package org.feedwerk.web.admin;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A small server-side SVG bar chart of two hourly series (no JavaScript, no third-party requests). */
final class ConsoleChart {
    private static final int HOURS = 48;
    private static final int WIDTH = 960;
    private static final int HEIGHT = 160;

    private ConsoleChart() {}

    static String hourly(Map<Long, Integer> ingested, Map<Long, Integer> published, Instant now) {
        long lastHour = now.toEpochMilli() / 3_600_000;
        int max = 1;
        for (long hour = lastHour - HOURS + 1; hour <= lastHour; hour++) {
            max = Math.max(max, Math.max(ingested.getOrDefault(hour, 0), published.getOrDefault(hour, 0)));
        }
        double slot = (double) WIDTH / HOURS;
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
                        + "aria-label=\"Artikel und Veröffentlichungen pro Stunde\">",
                WIDTH,
                HEIGHT + 20));
        for (int index = 0; index < HOURS; index++) {
            long hour = lastHour - HOURS + 1 + index;
            bar(svg, index * slot + 1, slot / 2 - 1, ingested.getOrDefault(hour, 0), max, "#9e9e9e", hour, "neu");
            bar(
                    svg,
                    index * slot + slot / 2,
                    slot / 2 - 1,
                    published.getOrDefault(hour, 0),
                    max,
                    "#0b5394",
                    hour,
                    "veröffentlicht");
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"0\" y=\"%d\" font-size=\"11\">-48 h</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">jetzt · max %d/h</text></svg>",
                HEIGHT + 15,
                WIDTH,
                HEIGHT + 15,
                max));
        return svg.toString();
    }

    private static void bar(
            StringBuilder svg, double x, double width, int value, int max, String color, long hour, String label) {
        double height = (double) value / max * HEIGHT;
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s: %d %s</title></rect>",
                x,
                HEIGHT - height,
                width,
                height,
                color,
                Instant.ofEpochSecond(hour * 3600),
                value,
                label));
    }
}
