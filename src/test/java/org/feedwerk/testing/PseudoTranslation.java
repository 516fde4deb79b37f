package org.feedwerk.testing;

import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A deterministic stand-in for a real engine's output: the text of every text node in upper case, tags and
 * attributes untouched. Fake engine servers answer with it, so tests can tell translated text from the source.
 */
public final class PseudoTranslation {
    private PseudoTranslation() {}

    public static String html(String fragment) {
        return html(fragment, PseudoTranslation::plain);
    }

    /** Every text node translated by {@code text}, tags and attributes untouched. */
    public static String html(String fragment, UnaryOperator<String> text) {
        Document document = Jsoup.parseBodyFragment(fragment);
        document.outputSettings().prettyPrint(false);
        document.body()
                .getAllElements()
                .forEach(element -> element.textNodes().forEach(node -> node.text(text.apply(node.getWholeText()))));
        return document.body().html();
    }

    public static String plain(String text) {
        return text.toUpperCase();
    }
}
