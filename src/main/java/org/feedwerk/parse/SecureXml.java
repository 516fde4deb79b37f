package org.feedwerk.parse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.nodes.Entities;
import org.mozilla.universalchardet.UniversalDetector;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way Feedwerk reads XML: the charset is settled (BOM, then HTTP header, then XML declaration, with
 * ISO-8859-1 read as windows-1252 like browsers do), entity declarations are refused before parsing, and the
 * parser never loads DTDs or external entities. Feeds are untrusted input.
 */
public final class SecureXml {
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(?:([0-9]{1,8})|[xX]([0-9a-fA-F]{1,8}));");
    private static final Pattern BARE_AMPERSAND =
            Pattern.compile("&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)");
    private static final Pattern UNBOUND_PREFIX = Pattern.compile("prefix \"([A-Za-z_][\\w.-]{0,40})\"");
    private static final Pattern ROOT_START =
            Pattern.compile("(?:<\\?[^>]*\\?>|<!--(?:[^-]|-(?!->))*-->|<!DOCTYPE[^>]*>|\\s)*<([A-Za-z_][\\w.:-]*)");
    private static final int MAX_DECLARED_PREFIXES = 16;
    static final String MAX_ELEMENT_DEPTH = "256";
    private static final Map<String, String> WELL_KNOWN_NAMESPACES = Map.of(
            "dc", "http://purl.org/dc/elements/1.1/",
            "dcterms", "http://purl.org/dc/terms/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "media", "http://search.yahoo.com/mrss/",
            "atom", "http://www.w3.org/2005/Atom",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "wfw", "http://wellformedweb.org/CommentAPI/",
            "georss", "http://www.georss.org/georss",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int DETECTION_BYTES = 256 * 1024;

    private SecureXml() {}

    /** Parses the payload into a DOM, or explains why it cannot. */
    public static Document parse(Payload payload) {
        String text = stripBeforeProlog(decode(payload));
        text = InternalSubset.apply(text, payload.origin());
        String cleaned = escapeBareAmpersands(
                withoutIllegalCharacterReferences(replaceHtmlEntities(withoutIllegalCharacters(text))));
        Set<String> declared = new LinkedHashSet<>();
        long droppedLines = 0;
        while (true) {
            try {
                DocumentBuilder builder = FACTORY.get().newDocumentBuilder();
                builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
                builder.setErrorHandler(STRICT);
                return builder.parse(new InputSource(new StringReader(cleaned)));
            } catch (SAXParseException e) {
                // An undeclared namespace prefix (dc:, media:, …) is a common slip that every reader forgives.
                Matcher unbound = UNBOUND_PREFIX.matcher(String.valueOf(e.getMessage()));
                if (unbound.find() && declared.size() < MAX_DECLARED_PREFIXES && declared.add(unbound.group(1))) {
                    cleaned = declarePrefix(cleaned, unbound.group(1));
                    continue;
                }
                int declaration = misplacedDeclaration(cleaned, e);
                if (declaration > 0) {
                    droppedLines += lineBreaksBefore(cleaned, declaration);
                    cleaned = cleaned.substring(declaration);
                    continue;
                }
                throw new ParseException(
                        "malformed XML at line " + (e.getLineNumber() + droppedLines) + ", column "
                                + e.getColumnNumber() + ": " + e.getMessage(),
                        e);
            } catch (SAXException | IOException | ParserConfigurationException e) {
                throw new ParseException("unreadable XML: " + e.getMessage(), e);
            } catch (StackOverflowError e) {
                throw new ParseException("XML nested too deeply to read", null);
            }
        }
    }

    /**
     * Drops characters XML forbids (C0 controls but tab and line breaks, U+FFFE, U+FFFF, unpaired surrogates),
     * which some feeds carry and every feed reader skips. Almost no document holds one: a scan decides before
     * anything is copied (a pattern run over every character of a large feed was a tenth of ingest's time).
     */
    static String withoutIllegalCharacters(String text) {
        if (!holdsIllegalCharacter(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(SecureXml::isXmlCharacter).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean holdsIllegalCharacter(String text) {
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index); // an unpaired surrogate is its own value, which XML forbids
            if (!isXmlCharacter(codePoint)) {
                return true;
            }
            index += Character.charCount(codePoint);
        }
        return false;
    }

    /** XML 1.0's Char production: what a document may contain, as a character or by reference. */
    private static boolean isXmlCharacter(int codePoint) {
        return codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint == 0x9
                || codePoint == 0xA
                || codePoint == 0xD
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }

    /** How many line breaks stand before {@code offset}. */
    private static long lineBreaksBefore(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    /**
     * Where the XML declaration starts when something stands before it (a comment, a PHP notice printed ahead of
     * the feed) and the parser failed before it or on its line (a declaration after other content is an error);
     * 0 otherwise. Everything before the declaration is then dropped, as feed readers do.
     */
    private static int misplacedDeclaration(String text, SAXParseException error) {
        int declaration = text.indexOf("<?xml");
        if (declaration <= 0 || declaration > DETECTION_BYTES) {
            return 0;
        }
        return error.getLineNumber() <= 1 + lineBreaksBefore(text, declaration) ? declaration : 0;
    }

    /**
     * Whitespace (or a second BOM) before the XML declaration makes the declaration illegal; browsers and feed
     * readers skip it, and so do we.
     */
    static String stripBeforeProlog(String text) {
        int start = 0;
        while (start < text.length()
                && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        return start == 0 ? text : text.substring(start);
    }

    /**
     * A bare {@code &} (not starting a character or predefined entity reference) stands for itself, as every feed
     * reader takes it. CDATA sections, where {@code &} is legal, are left alone.
     */
    static String escapeBareAmpersands(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return outsideCdata(text, outside -> replaceAtAmpersands(outside, BARE_AMPERSAND, bare -> "&amp;"));
    }

    /** The text with {@code change} applied to each run outside CDATA sections; the sections are kept as they are. */
    static String outsideCdata(String text, UnaryOperator<String> change) {
        StringBuilder result = new StringBuilder(text.length() + 64);
        int position = 0;
        while (position < text.length()) {
            int cdata = text.indexOf("<![CDATA[", position);
            int outsideEnd = cdata < 0 ? text.length() : cdata;
            result.append(change.apply(text.substring(position, outsideEnd)));
            if (cdata < 0) {
                break;
            }
            int end = text.indexOf("]]>", cdata);
            int cdataEnd = end < 0 ? text.length() : end + 3;
            result.append(text, cdata, cdataEnd);
            position = cdataEnd;
        }
        return result.toString();
    }

    /**
     * A character reference to a character XML forbids ({@code &#11;}, a vertical tab pasted from a word processor)
     * makes the whole document malformed; feed readers drop the character, and so do we.
     */
    static String withoutIllegalCharacterReferences(String text) {
        if (text.indexOf("&#") < 0) {
            return text;
        }
        return replaceAtAmpersands(text, CHARACTER_REFERENCE, reference -> {
            int codePoint;
            try {
                codePoint = reference.group(1) != null
                        ? Integer.parseInt(reference.group(1))
                        : Integer.parseInt(reference.group(2), 16);
            } catch (NumberFormatException tooLarge) {
                codePoint = -1;
            }
            return isXmlCharacter(codePoint) ? null : "";
        });
    }

    /**
     * What {@code pattern.matcher(text).replaceAll(…)} gives for a pattern that starts with {@code &}, where the
     * replacement of a match is {@code replacement}'s answer, or the match itself when that is null. The pattern is
     * tried only where an ampersand stands (a search tries it at every character: in a feed of escaped HTML the
     * three ampersand passes took longer than building the DOM), and text in which nothing changes is returned as
     * it is.
     */
    static String replaceAtAmpersands(String text, Pattern pattern, Function<MatchResult, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = null;
        int copiedTo = 0;
        int ampersand = text.indexOf('&');
        while (ampersand >= 0) {
            matcher.region(ampersand, text.length());
            if (!matcher.lookingAt()) {
                ampersand = text.indexOf('&', ampersand + 1);
                continue;
            }
            String replaced = replacement.apply(matcher);
            if (replaced != null) {
                if (result == null) {
                    result = new StringBuilder(text.length() + 64);
                }
                result.append(text, copiedTo, ampersand).append(replaced);
                copiedTo = matcher.end();
            }
            ampersand = text.indexOf('&', Math.max(matcher.end(), ampersand + 1));
        }
        return result == null
                ? text
                : result.append(text, copiedTo, text.length()).toString();
    }

    /** Adds {@code xmlns:prefix} to the root element: the usual namespace for well-known prefixes. */
    private static String declarePrefix(String text, String prefix) {
        Matcher root = ROOT_START.matcher(text);
        if (!root.find()) {
            return text;
        }
        String uri = WELL_KNOWN_NAMESPACES.getOrDefault(prefix, "urn:feedwerk:undeclared:" + prefix);
        return text.substring(0, root.end(1)) + " xmlns:" + prefix + "=\"" + uri + "\"" + text.substring(root.end(1));
    }

    /**
     * The payload's text in its settled charset: a BOM, else UTF-16/32 recognised by the bytes of {@code <?xml},
     * else the HTTP header, else the XML declaration; a document that declares nothing and is not valid UTF-8 has
     * its charset detected (legacy CJK and Cyrillic files), and is read as windows-1252 only when the detector
     * finds nothing better.
     */
    public static String decode(Payload payload) {
        byte[] body = payload.body();
        Optional<Bom> bom = Bom.of(body);
        if (bom.isPresent()) {
            return new String(
                    body,
                    bom.get().length(),
                    body.length - bom.get().length(),
                    bom.get().charset());
        }
        Optional<Charset> wide = wideCharsetWithoutBom(body);
        if (wide.isPresent()) {
            return new String(body, wide.get());
        }
        Optional<Charset> declared =
                payload.findContentType().flatMap(SecureXml::charsetFromHeader).or(() -> charsetFromDeclaration(body));
        if (declared.isEmpty()) {
            return decodeStrictUtf8(body)
                    .orElseGet(() -> new String(body, detectCharset(body).orElse(WINDOWS_1252)));
        }
        Charset charset = browserEquivalent(declared.get());
        if (charset.equals(StandardCharsets.UTF_8)) {
            // Feeds that claim UTF-8 but are really windows-1252 are common; strict first.
            return decodeStrictUtf8(body).orElseGet(() -> new String(body, WINDOWS_1252));
        }
        if (charset.equals(WINDOWS_1252) && hasNonAscii(body)) {
            // The opposite is as common: a CMS template declares ISO-8859-1 over UTF-8 text. Multi-byte UTF-8
            // sequences almost never occur by chance in Latin-1 text ("Ã©"), so valid UTF-8 wins.
            Optional<String> utf8 = decodeStrictUtf8(body);
            if (utf8.isPresent()) {
                return utf8.get();
            }
        }
        return new String(body, charset);
    }

    /** Byte-order marks, longest first: a UTF-32LE mark begins like a UTF-16LE one. */
    private enum Bom {
        UTF_32BE(new int[] {0x00, 0x00, 0xFE, 0xFF}, "UTF-32BE"),
        UTF_32LE(new int[] {0xFF, 0xFE, 0x00, 0x00}, "UTF-32LE"),
        UTF_8(new int[] {0xEF, 0xBB, 0xBF}, "UTF-8"),
        UTF_16BE(new int[] {0xFE, 0xFF}, "UTF-16BE"),
        UTF_16LE(new int[] {0xFF, 0xFE}, "UTF-16LE");

        private final int[] bytes;
        private final String charsetName;

        Bom(int[] bytes, String charsetName) {
            this.bytes = bytes;
            this.charsetName = charsetName;
        }

        static Optional<Bom> of(byte[] body) {
            for (Bom bom : values()) {
                if (startsWith(body, bom.bytes)) {
                    return Optional.of(bom);
                }
            }
            return Optional.empty();
        }

        int length() {
            return bytes.length;
        }

        Charset charset() {
            return Charset.forName(charsetName);
        }
    }

    /** UTF-16 and UTF-32 without a BOM, by the zero bytes around the {@code <} that must come first (XML 1.0 F.1). */
    private static Optional<Charset> wideCharsetWithoutBom(byte[] body) {
        if (startsWith(body, new int[] {0x00, 0x00, 0x00, 0x3C})) {
            return Optional.of(Charset.forName("UTF-32BE"));
        }
        if (startsWith(body, new int[] {0x3C, 0x00, 0x00, 0x00})) {
            return Optional.of(Charset.forName("UTF-32LE"));
        }
        if (startsWith(body, new int[] {0x00, 0x3C, 0x00})) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, new int[] {0x3C, 0x00})) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] body, int[] prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int index = 0; index < prefix.length; index++) {
            if ((body[index] & 0xFF) != prefix[index]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNonAscii(byte[] body) {
        for (byte value : body) {
            if (value < 0) {
                return true;
            }
        }
        return false;
    }

    /** juniversalchardet's guess, when it has one. */
    private static Optional<Charset> detectCharset(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, Math.min(body.length, DETECTION_BYTES));
        detector.dataEnd();
        return Optional.ofNullable(detector.getDetectedCharset())
                .flatMap(SecureXml::lookup)
                .map(SecureXml::browserEquivalent);
    }

    private static Optional<Charset> charsetFromHeader(String contentType) {
        Matcher matcher = HEADER_CHARSET.matcher(contentType);
        return matcher.find() ? lookup(matcher.group(1)) : Optional.empty();
    }

    private static Optional<Charset> charsetFromDeclaration(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1).stripLeading();
        Matcher matcher = DECLARED_ENCODING.matcher(head);
        return matcher.find() ? lookup(matcher.group(1)) : Optional.empty();
    }

    private static Optional<Charset> lookup(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** ISO-8859-1 and ASCII labels mean windows-1252 in practice (WHATWG Encoding Standard). */
    private static Charset browserEquivalent(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.equals("ISO-8859-1") || name.equals("US-ASCII") ? WINDOWS_1252 : charset;
    }

    private static Optional<String> decodeStrictUtf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Old RSS relies on HTML entities from a DTD we never load; turn them into character references. */
    private static String replaceHtmlEntities(String text) {
        return replaceAtAmpersands(text, NAMED_ENTITY, entity -> {
            String name = entity.group(1);
            if (isXmlPredefined(name) || !Entities.isNamedEntity(name)) {
                return null;
            }
            StringBuilder references = new StringBuilder();
            Entities.getByName(name)
                    .codePoints()
                    .forEach(cp -> references.append("&#").append(cp).append(';'));
            return references.toString();
        });
    }

    private static boolean isXmlPredefined(String name) {
        return switch (name) {
            case "amp", "lt", "gt", "quot", "apos" -> true;
            default -> false;
        };
    }

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private static final ThreadLocal<DocumentBuilderFactory> FACTORY = ThreadLocal.withInitial(() -> {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            // Deeply nested elements exhaust the stack of every tree-walking reader after the parser.
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
        return factory;
    });
}
