package org.feedwerk.parse;

import org.jsoup.nodes.Entities;

/** Turns plain text into escaped HTML paragraphs (blank lines separate paragraphs). */
final class TextToHtml {
    private TextToHtml() {}

    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>")
                        .append(Entities.escape(paragraph.strip().replaceAll("\\s+", " ")))
                        .append("</p>");
            }
        }
        return html.toString();
    }
}
