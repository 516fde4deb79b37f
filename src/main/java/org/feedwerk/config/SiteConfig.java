package org.feedwerk.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public site: its name, the base URL pages are canonical under, its time zone for dates, the disclaimer
 * shown on every article page per language, and whether pictures are embedded from their sources or linked.
 */
public record SiteConfig(
        String name,
        URI baseUrl,
        String timeZone,
        Integer pageSize,
        Map<String, String> disclaimer,
        String images,
        String defaultLanguage) {
    /** Pictures in article bodies are shown as links to their source, so that pages load nothing from third parties. */
    public static final String IMAGES_AS_LINKS = "link";
    /** Pictures are embedded from their sources' servers (each reader's browser requests them there). */
    public static final String IMAGES_EMBEDDED = "embed";

    public static final String DISCLAIMER_DE =
            "Dies ist ein unbearbeiteter, automatisch generierter Artikel aus einem syndizierten Newsfeed.";
    public static final String DISCLAIMER_EN =
            "This is an unedited, automatically generated article from a syndicated news feed.";

    public SiteConfig {
        name = name == null ? "Feedwerk" : name;
        baseUrl = baseUrl == null ? URI.create("http://127.0.0.1:8080") : baseUrl;
        timeZone = timeZone == null ? "Europe/Berlin" : timeZone;
        pageSize = pageSize == null ? 20 : pageSize;
        images = images == null ? IMAGES_AS_LINKS : images;
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("de", DISCLAIMER_DE);
        texts.put("en", DISCLAIMER_EN);
        texts.put(
                "es",
                "Este es un artículo sin editar, generado automáticamente a partir de un servicio de noticias "
                        + "sindicado.");
        texts.put(
                "ca",
                "Aquest és un article sense editar, generat automàticament a partir d'un servei de notícies "
                        + "sindicat.");
        texts.put(
                "fr",
                "Ceci est un article non révisé, généré automatiquement à partir d'un fil d'actualités " + "syndiqué.");
        if (disclaimer != null) {
            texts.putAll(disclaimer);
        }
        disclaimer = Map.copyOf(texts);
    }

    public SiteConfig(String name, URI baseUrl, String timeZone, Integer pageSize, Map<String, String> disclaimer) {
        this(name, baseUrl, timeZone, pageSize, disclaimer, null);
    }

    public SiteConfig(
            String name,
            URI baseUrl,
            String timeZone,
            Integer pageSize,
            Map<String, String> disclaimer,
            String images) {
        this(name, baseUrl, timeZone, pageSize, disclaimer, images, null);
    }

    static SiteConfig defaults() {
        return new SiteConfig(null, null, null, null, null, null, null);
    }

    /** The edition {@code /} shows: {@code site.defaultLanguage}, else the first target language. */
    public String defaultEdition(List<String> targets) {
        return defaultLanguage != null ? defaultLanguage : targets.get(0);
    }

    public boolean embedsImages() {
        return IMAGES_EMBEDDED.equals(images);
    }

    public String disclaimerFor(String language) {
        return disclaimer.getOrDefault(language, DISCLAIMER_EN);
    }

    /** The base URL without a trailing slash. */
    public String base() {
        return baseUrl.toString().replaceAll("/+$", "");
    }
}
