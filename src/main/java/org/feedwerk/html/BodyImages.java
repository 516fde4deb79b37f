package org.feedwerk.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Pictures of an article body shown as links to where they are, instead of embedded: a reader's browser then
 * requests nothing from a third party unless the reader follows the link. Only the rendering changes; the
 * published content, and its hash, keep the pictures as the source had them.
 */
public final class BodyImages {
    private BodyImages() {}

    public static String asLinks(String bodyHtml) {
        if (bodyHtml == null || !bodyHtml.contains("<img")) {
            return bodyHtml;
        }
        Document document = Jsoup.parseBodyFragment(bodyHtml);
        document.outputSettings().prettyPrint(false);
        for (Element image : document.select("img[src]")) {
            String alt = image.attr("alt").strip();
            Element link = new Element("a")
                    .attr("href", image.attr("src"))
                    .attr("class", "bild")
                    .attr("rel", "noopener noreferrer nofollow")
                    .text(alt.isEmpty() ? "Bild beim Original ansehen" : "Bild: " + alt);
            image.replaceWith(link);
        }
        return document.body().html();
    }
}
