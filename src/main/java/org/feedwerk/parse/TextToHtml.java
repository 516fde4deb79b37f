package org.feedwerk.parse;

import org.jsoup.nodes.Entities;

/** Turns plain text into HTML: escaped paragraphs (blank lines separate them), and titles. */
final class TextToHtml {
    private TextToHtml() {}

    /**
     * A plain-text title as HTML to be read by the normalizer: only its angle brackets are escaped, so that a title
     * about {@code <b>} keeps the tag's name, while a character reference escaped once too often ({@code Caf&eacute;},
     * common in generated feeds) is still read as the character.
     */
    static String title(String text) {
        return text == null ? null : text.replace("<", "&lt;").replace(">", "&gt;");
    }

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
