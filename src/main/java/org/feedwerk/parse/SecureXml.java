package org.feedwerk.parse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.nodes.Entities;
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
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCTYPE_WITH_SUBSET = Pattern.compile("<!DOCTYPE[^\\[>]*\\[(.*?)\\]\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ILLEGAL_XML_CHARS =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SecureXml() {}

    /** Parses the payload into a DOM, or explains why it cannot. */
    public static Document parse(Payload payload) {
        String text = decode(payload);
        refuseEntityDeclarations(text, payload.origin());
        String cleaned = replaceHtmlEntities(ILLEGAL_XML_CHARS.matcher(text).replaceAll(""));
        try {
            DocumentBuilder builder = FACTORY.get().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(STRICT);
            return builder.parse(new InputSource(new StringReader(cleaned)));
        } catch (SAXParseException e) {
            throw new ParseException("malformed XML at line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ParseException("unreadable XML: " + e.getMessage(), e);
        }
    }

    /** The payload's text in its settled charset. */
    public static String decode(Payload payload) {
        byte[] body = payload.body();
        Optional<Charset> bom = charsetFromBom(body);
        if (bom.isPresent()) {
            int skip = bom.get().equals(StandardCharsets.UTF_8) ? 3 : 2;
            return new String(body, skip, body.length - skip, bom.get());
        }
        Optional<Charset> declared = payload.findContentType().flatMap(SecureXml::charsetFromHeader)
                .or(() -> charsetFromDeclaration(body));
        Charset charset = declared.map(SecureXml::browserEquivalent).orElse(StandardCharsets.UTF_8);
        if (charset.equals(StandardCharsets.UTF_8)) {
            // Feeds that claim (or default to) UTF-8 but are really windows-1252 are common; strict first.
            return decodeStrictUtf8(body).orElseGet(() -> new String(body, WINDOWS_1252));
        }
        return new String(body, charset);
    }

    private static Optional<Charset> charsetFromBom(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
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
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void refuseEntityDeclarations(String text, String origin) {
        Matcher doctype = DOCTYPE_WITH_SUBSET.matcher(text.substring(0, Math.min(text.length(), 64 * 1024)));
        if (doctype.find() && doctype.group(1).toUpperCase(Locale.ROOT).contains("<!ENTITY")) {
            throw new ParseException("document declares XML entities in its DOCTYPE; refused as a possible XXE or "
                    + "entity-expansion attack (" + origin + ")");
        }
    }

    /** Old RSS relies on HTML entities from a DTD we never load; turn them into character references. */
    private static String replaceHtmlEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = NAMED_ENTITY.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = matcher.group();
            if (!isXmlPredefined(name) && Entities.isNamedEntity(name)) {
                StringBuilder references = new StringBuilder();
                Entities.getByName(name).codePoints().forEach(cp -> references.append("&#").append(cp).append(';'));
                replacement = references.toString();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
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
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
        return factory;
    });
}
