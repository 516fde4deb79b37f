package org.feedwerk.parse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DOCTYPE's internal subset, read before the XML parser sees the document, because the parser must never expand
 * what a feed declares (XXE, "billion laughs"). Two harmless shapes occur in real feeds, and only those are read:
 * an external parameter entity with its reference ({@code <!ENTITY % HTMLlat1 PUBLIC "…" "…"> %HTMLlat1;}, old RDF
 * feeds asking for HTML's entities, which Feedwerk understands anyway: dropped), and an internal entity whose value
 * is plain text ({@code <!ENTITY id "tag:example.com,">}: each reference outside CDATA is replaced by the value).
 * The subset is then removed. Anything else — an external general entity, a value with a reference or markup in
 * it, an element or attribute declaration, a subset that does not end — refuses the document, as does a total
 * expansion beyond {@value #MOST_EXPANSION} characters.
 */
final class InternalSubset {
    private static final Pattern DOCTYPE_WITH_SUBSET =
            Pattern.compile("<!DOCTYPE(?:[^\\[>\"']|\"[^\"]*\"|'[^']*')*\\[", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_:][A-Za-z0-9._:-]*");
    private static final Pattern PLAIN_VALUE = Pattern.compile("(?:[^&%<]|&#[0-9]{1,7};|&#x[0-9A-Fa-f]{1,6};)*");
    private static final Pattern ENTITY_REFERENCE = Pattern.compile("&([A-Za-z_:][A-Za-z0-9._:-]*);");
    private static final Set<String> PREDEFINED = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final int MOST_DECLARATIONS = 64;
    private static final int LONGEST_VALUE = 1024;
    static final int MOST_EXPANSION = 1 << 20;
    /** A DOCTYPE belongs before the root element: it is looked for near the start only. */
    private static final int PROLOG_CHARS = 64 * 1024;

    private final String text;
    private final String origin;
    private int position;
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> externalParameters = new HashSet<>();

    private InternalSubset(String text, String origin, int position) {
        this.text = text;
        this.origin = origin;
        this.position = position;
    }

    /** The document without its internal subset and with its plain entities replaced, or the document as it is. */
    static String apply(String text, String origin) {
        Matcher doctype = DOCTYPE_WITH_SUBSET.matcher(text.substring(0, Math.min(text.length(), PROLOG_CHARS)));
        if (!doctype.find()) {
            return text;
        }
        InternalSubset subset = new InternalSubset(text, origin, doctype.end());
        subset.readDeclarations();
        String head = text.substring(0, doctype.end() - 1).stripTrailing() + ">";
        return head + subset.withEntitiesReplaced(text.substring(subset.position));
    }

    private void readDeclarations() {
        int declarations = 0;
        while (true) {
            skipWhitespace();
            if (text.startsWith("]", position)) {
                position++;
                skipWhitespace();
                expect(">");
                return;
            }
            if (++declarations > MOST_DECLARATIONS) {
                throw refused("more than " + MOST_DECLARATIONS + " declarations");
            }
            if (text.startsWith("<!--", position)) {
                int end = text.indexOf("-->", position + 4);
                if (end < 0) {
                    throw refused("a comment that does not end");
                }
                position = end + 3;
            } else if (text.startsWith("%", position)) {
                position++;
                String name = name();
                expect(";");
                if (!externalParameters.contains(name)) {
                    throw refused("a reference to the parameter entity %" + name + ";");
                }
            } else if (text.startsWith("<!ENTITY", position)) {
                position += "<!ENTITY".length();
                readEntity();
            } else {
                throw refused("a declaration other than an entity: "
                        + text.substring(position, Math.min(text.length(), position + 40)));
            }
        }
    }

    private void readEntity() {
        requireWhitespace();
        boolean parameter = text.startsWith("%", position);
        if (parameter) {
            position++;
            requireWhitespace();
        }
        String name = name();
        requireWhitespace();
        if (parameter) {
            if (keyword("PUBLIC")) {
                requireWhitespace();
                quoted();
            } else if (!keyword("SYSTEM")) {
                throw refused("a parameter entity with a value of its own (%" + name + ")");
            }
            requireWhitespace();
            quoted();
            externalParameters.add(name);
        } else {
            if (keyword("SYSTEM") || keyword("PUBLIC")) {
                throw refused("an external entity (&" + name + ";)");
            }
            String value = quoted();
            if (value.length() > LONGEST_VALUE || !PLAIN_VALUE.matcher(value).matches()) {
                throw refused("an entity whose value is not plain text (&" + name + ";)");
            }
            if (!PREDEFINED.contains(name)) {
                values.putIfAbsent(name, value); // the first declaration binds, as in XML
            }
        }
        skipWhitespace();
        expect(">");
    }

    /** References outside CDATA sections replaced by their value, quotes escaped so that attributes stay whole. */
    private String withEntitiesReplaced(String rest) {
        if (values.isEmpty()) {
            return rest;
        }
        long[] expansion = {0};
        return SecureXml.outsideCdata(
                rest,
                outside -> SecureXml.replaceAtAmpersands(outside, ENTITY_REFERENCE, reference -> {
                    String value = values.get(reference.group(1));
                    if (value == null) {
                        return null;
                    }
                    expansion[0] += value.length();
                    if (expansion[0] > MOST_EXPANSION) {
                        throw refused("entities that expand to more than " + MOST_EXPANSION + " characters");
                    }
                    return value.replace("\"", "&quot;").replace("'", "&apos;");
                }));
    }

    private String name() {
        Matcher name = NAME.matcher(text).region(position, text.length());
        if (!name.lookingAt()) {
            throw refused("a declaration without a name");
        }
        position = name.end();
        return name.group();
    }

    private String quoted() {
        char quote = position < text.length() ? text.charAt(position) : 0;
        int end = quote == '"' || quote == '\'' ? text.indexOf(quote, position + 1) : -1;
        if (end < 0) {
            throw refused("a literal without its quotes");
        }
        String value = text.substring(position + 1, end);
        position = end + 1;
        return value;
    }

    private boolean keyword(String keyword) {
        if (text.startsWith(keyword, position)) {
            position += keyword.length();
            return true;
        }
        return false;
    }

    private void expect(String expected) {
        if (!text.startsWith(expected, position)) {
            throw refused("an internal subset that does not end as XML says");
        }
        position += expected.length();
    }

    private void requireWhitespace() {
        int before = position;
        skipWhitespace();
        if (position == before) {
            throw refused("a declaration that does not end as XML says");
        }
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private ParseException refused(String what) {
        return new ParseException("document declares XML entities Feedwerk does not read (" + what + "); refused as "
                + "a possible XXE or entity-expansion attack (" + origin + ")");
    }
}
