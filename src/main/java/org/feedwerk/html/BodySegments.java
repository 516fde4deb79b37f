package org.feedwerk.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * An article body divided into the text runs of {@link BodyStructure}: each run with letters is a segment (its
 * HTML with inline markup, surrounding whitespace left out), and {@link #assemble} puts translated segments back in
 * place of their runs. The structure between runs is never rebuilt, so the result has exactly the source's block
 * skeleton. Runs without letters (a number, an image) are kept as they are and not sent to an engine.
 */
public final class BodySegments {
    private final Document document;
    private final List<List<Node>> allRuns;
    private final List<List<Node>> runs;

    private BodySegments(Document document, List<List<Node>> allRuns) {
        this.document = document;
        this.allRuns = allRuns;
        this.runs = allRuns.stream()
                .filter(run -> run.stream().anyMatch(BodyStructure::hasLetters))
                .toList();
    }

    public static BodySegments of(String bodyHtml) {
        Document document = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml);
        document.outputSettings().prettyPrint(false);
        List<List<Node>> runs = new ArrayList<>();
        collect(document.body(), runs);
        return new BodySegments(document, runs);
    }

    /** The HTML of every segment, in document order. */
    public List<String> texts() {
        return runs.stream().map(run -> html(run).strip()).toList();
    }

    /**
     * The text nodes of every text run (for editing text in place), in document order; unlike {@link #texts()}
     * this includes runs without letters, such as a table cell with a number.
     */
    public List<List<TextNode>> textNodes() {
        List<List<TextNode>> all = new ArrayList<>();
        for (List<Node> run : allRuns) {
            List<TextNode> nodes = new ArrayList<>();
            for (Node node : run) {
                node.traverse((inner, depth) -> {
                    if (inner instanceof TextNode text) {
                        nodes.add(text);
                    }
                });
            }
            all.add(nodes);
        }
        return all;
    }

    /** The body as it is now (after edits through {@link #textNodes()}). */
    public String html() {
        return document.body().html();
    }

    /** The body with each segment replaced by its translation (same order as {@link #texts()}). */
    public String assemble(List<String> translations) {
        if (translations.size() != runs.size()) {
            throw new IllegalArgumentException(runs.size() + " segments but " + translations.size() + " translations");
        }
        BodySegments copy = of(html());
        for (int index = 0; index < copy.runs.size(); index++) {
            copy.replace(copy.runs.get(index), translations.get(index));
        }
        return copy.html();
    }

    private void replace(List<Node> run, String translation) {
        String original = html(run);
        String leading = original.substring(
                0, original.length() - original.stripLeading().length());
        String trailing = original.substring(original.stripTrailing().length());
        Element parent = (Element) run.get(0).parentNode();
        Node anchor = run.get(0);
        for (Node node : Parser.parseFragment(leading + translation + trailing, parent, "")) {
            anchor.before(node);
        }
        run.forEach(Node::remove);
    }

    private static void collect(Element container, List<List<Node>> runs) {
        List<Node> run = new ArrayList<>();
        for (Node child : container.childNodes()) {
            if (child instanceof Element element && BodyStructure.separates(element)) {
                flush(run, runs);
                collect(element, runs);
            } else {
                run.add(child);
            }
        }
        flush(run, runs);
    }

    private static void flush(List<Node> run, List<List<Node>> runs) {
        if (run.stream().anyMatch(node -> !(node instanceof TextNode text) || !text.isBlank())) {
            runs.add(List.copyOf(run));
        }
        run.clear();
    }

    private static String html(List<Node> run) {
        StringBuilder html = new StringBuilder();
        run.forEach(node -> html.append(node.outerHtml()));
        return html.toString();
    }
}
