package org.feedwerk.postedit;

import java.util.List;

/**
 * One deterministic, documented correction of machine-translated text. It sees the text nodes of one segment in
 * order (so that a quotation can span an emphasized word) and the source segment's text, and returns the nodes
 * in the same number and order. A rule that is not sure changes nothing.
 */
public interface PostEditRule {
    /** A stable name, recorded on every translation the rule changed. */
    String name();

    List<String> apply(List<String> pieces, String sourceText);
}
