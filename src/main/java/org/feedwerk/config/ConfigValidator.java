package org.feedwerk.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.feedwerk.models.ModelLayout;

/** Checks what types alone cannot: ids, exclusive keys, ranges, duplicates. Stops at the first problem. */
final class ConfigValidator {
    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(10);
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Unreserved characters only, so that a parameter name needs no encoding and is found again in an address. */
    private static final Pattern QUERY_PARAMETER = Pattern.compile("[A-Za-z0-9._~-]+");

    private final Path file;
    private final YamlLocator locator;

    ConfigValidator(Path file, YamlLocator locator) {
        this.file = file;
        this.locator = locator;
    }

    void validate(FeedwerkConfig config) {
        require(
                config.server().port() >= 0 && config.server().port() <= 65535,
                "/server/port",
                "server.port must be between 0 and 65535");
        require(config.server().maxThreads() >= 8, "/server/maxThreads", "server.maxThreads must be at least 8");
        require(config.database().poolSize() >= 1, "/database/poolSize", "database.poolSize must be at least 1");
        try {
            config.activeRoles();
        } catch (IllegalArgumentException e) {
            require(false, "/roles", "roles: " + e.getMessage());
        }
        validateFetch(config.fetch());
        validateSources(config.sources());
        validateTranslation(config.translation());
        require(
                isZone(config.site().timeZone()),
                "/site/timeZone",
                "site.timeZone '" + config.site().timeZone() + "' is not a time zone such as Europe/Berlin");
        require(config.site().baseUrl().isAbsolute(), "/site/baseUrl", "site.baseUrl must be an absolute URL");
        require(
                config.site().defaultLanguage() == null
                        || config.translation().targets().contains(config.site().defaultLanguage()),
                "/site/defaultLanguage",
                "site.defaultLanguage '" + config.site().defaultLanguage() + "' is not one of translation.targets "
                        + config.translation().targets());
        require(
                config.site().images().equals("link") || config.site().images().equals("embed"),
                "/site/images",
                "site.images must be link or embed, not '" + config.site().images() + "'");
        require(
                config.site().pageSize() >= 1 && config.site().pageSize() <= 200,
                "/site/pageSize",
                "site.pageSize must be between 1 and 200");
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void validateTranslation(TranslationConfig translation) {
        for (int index = 0; index < translation.targets().size(); index++) {
            String target = translation.targets().get(index);
            require(
                    target != null && LANGUAGE.matcher(target).matches(),
                    "/translation/targets/" + index,
                    "translation target '" + target + "' must be a language code such as de");
        }
        require(translation.workers() >= 1, "/translation/workers", "translation.workers must be at least 1");
        for (String pair : translation.glossary().keySet()) {
            require(
                    pair.matches("[a-z]{2,3}-[a-z]{2,3}"),
                    "/translation/glossary",
                    "translation.glossary key '" + pair + "' must be a language pair such as en-de");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int index = 0; index < translation.engines().size(); index++) {
            EngineConfig engine = translation.engines().get(index);
            String at = "/translation/engines/" + index;
            require(
                    engine.name() != null && SOURCE_ID.matcher(engine.name()).matches(),
                    at,
                    "translation.engines[" + index + "] needs a name of a-z, 0-9 and '-'");
            Integer earlier = seen.putIfAbsent(engine.name(), index);
            require(earlier == null, at + "/name", "duplicate engine name '" + engine.name() + "'");
            if (engine instanceof OnnxEngineConfig onnx) {
                validateOnnx(onnx, at);
            } else if (engine instanceof HttpEngineConfig http) {
                validateHttp(http, at);
            }
            for (String pair : engine.pairs()) {
                require(
                        pair.matches("[a-z]{2,3}-[a-z]{2,3}"),
                        at + "/pairs",
                        "engine '" + engine.name() + "' pair '" + pair + "' must look like en-de");
            }
        }
    }

    private void validateHttp(HttpEngineConfig engine, String at) {
        require(
                engine.type() != EngineType.OPENAI || engine.model() != null,
                at,
                "engine '" + engine.name() + "' of type openai needs a model");
        require(engine.maxAttempts() >= 1, at + "/maxAttempts", "maxAttempts must be at least 1");
    }

    private void validateOnnx(OnnxEngineConfig engine, String at) {
        require(
                engine.model() != null ^ engine.path() != null,
                at,
                "engine '" + engine.name() + "' of type onnx needs exactly one of model or path");
        require(
                !engine.pairs().isEmpty()
                        || engine.model() != null
                                && ModelLayout.languagePair(engine.model()).isPresent(),
                at,
                "engine '" + engine.name() + "' of type onnx needs pairs (e.g. [en-de]) unless its model is named "
                        + "like opus-mt-en-de");
        require(engine.threads() == null || engine.threads() >= 1, at + "/threads", "threads must be at least 1");
        require(
                engine.beams() == null || engine.beams() >= 1 && engine.beams() <= 16,
                at + "/beams",
                "beams must be between 1 and 16");
        require(
                engine.maxLength() == null || engine.maxLength() >= 2,
                at + "/maxLength",
                "maxLength must be at least 2");
    }

    private void validateFetch(FetchConfig fetch) {
        require(fetch.concurrency() >= 1, "/fetch/concurrency", "fetch.concurrency must be at least 1");
        require(fetch.maxBodyBytes() >= 1024, "/fetch/maxBodyBytes", "fetch.maxBodyBytes must be at least 1024");
        require(
                fetch.maxItemsPerDocument() >= 1 && fetch.maxItemsPerDocument() <= 100_000,
                "/fetch/maxItemsPerDocument",
                "fetch.maxItemsPerDocument must be between 1 and 100000");
        require(
                fetch.olderPages() >= 0 && fetch.olderPages() <= 100,
                "/fetch/olderPages",
                "fetch.olderPages must be between 0 and 100");
        require(
                fetch.maxRedirects() >= 0 && fetch.maxRedirects() <= 5,
                "/fetch/maxRedirects",
                "fetch.maxRedirects must be between 0 and 5");
    }

    private void validateSources(List<SourceConfig> sources) {
        Map<String, Integer> seen = new HashMap<>();
        for (int index = 0; index < sources.size(); index++) {
            SourceConfig source = sources.get(index);
            String at = "/sources/" + index;
            require(source.id() != null && !source.id().isBlank(), at, "sources[" + index + "] has no id");
            require(
                    SOURCE_ID.matcher(source.id()).matches(),
                    at + "/id",
                    "source id '" + source.id() + "' must use only a-z, 0-9 and '-' (at most 64 characters)");
            Integer earlier = seen.putIfAbsent(source.id(), index);
            require(
                    earlier == null,
                    at + "/id",
                    "duplicate source id '" + source.id() + "' (also sources[" + earlier + "])");
            require(
                    source.url() != null ^ source.dir() != null,
                    at,
                    "source '" + source.id() + "' needs exactly one of url or dir");
            if (source.url() != null) {
                String scheme = String.valueOf(source.url().getScheme()).toLowerCase();
                require(
                        (scheme.equals("http") || scheme.equals("https"))
                                && source.url().getHost() != null,
                        at + "/url",
                        "source '" + source.id() + "' url must be an absolute http or https URL");
                require(
                        source.url().getRawUserInfo() == null,
                        at + "/url",
                        "source '" + source.id() + "' url must not carry a user name or password: name the"
                                + " environment variables that hold them under credentials (usernameEnv, passwordEnv)");
            }
            source.findCredentials().ifPresent(credentials -> validateCredentials(source, credentials, at));
            require(
                    source.interval().compareTo(SHORTEST_INTERVAL) >= 0,
                    at + "/interval",
                    "source '" + source.id() + "' interval must be at least 10s");
            require(
                    source.language() == null
                            || LANGUAGE.matcher(source.language()).matches(),
                    at + "/language",
                    "source '" + source.id() + "' language must be a language code such as en or pt-BR");
        }
    }

    private void validateCredentials(SourceConfig source, SourceCredentials credentials, String at) {
        String name = "source '" + source.id() + "' credentials";
        require(source.url() != null, at + "/credentials", name + " need a url (a drop folder is read as it is)");
        require(
                (credentials.usernameEnv() == null) == (credentials.passwordEnv() == null),
                at + "/credentials",
                name + ": usernameEnv and passwordEnv go together (HTTP Basic)");
        require(
                credentials.usernameEnv() == null || credentials.tokenEnv() == null,
                at + "/credentials",
                name + ": either usernameEnv and passwordEnv (HTTP Basic) or tokenEnv (Bearer), not both");
        require(
                credentials.usernameEnv() != null
                        || credentials.tokenEnv() != null
                        || !credentials.headerEnv().isEmpty()
                        || !credentials.queryEnv().isEmpty(),
                at + "/credentials",
                name + " name no environment variable");
        for (String variable :
                new String[] {credentials.usernameEnv(), credentials.passwordEnv(), credentials.tokenEnv()}) {
            require(
                    variable == null || VARIABLE.matcher(variable).matches(),
                    at + "/credentials",
                    name + ": '" + variable + "' is not the name of an environment variable");
        }
        credentials.headerEnv().forEach((header, variable) -> {
            require(
                    HEADER_NAME.matcher(header).matches(),
                    at + "/credentials/headerEnv",
                    name + ": '" + header + "' is not an HTTP header name");
            require(
                    !header.equalsIgnoreCase("Authorization")
                            || (credentials.usernameEnv() == null && credentials.tokenEnv() == null),
                    at + "/credentials/headerEnv",
                    name + ": the Authorization header is set twice (headerEnv and usernameEnv/tokenEnv)");
            requireVariable(variable, at + "/credentials/headerEnv/" + header, name);
        });
        credentials.queryEnv().forEach((parameter, variable) -> {
            require(
                    QUERY_PARAMETER.matcher(parameter).matches(),
                    at + "/credentials/queryEnv",
                    name + ": '" + parameter + "' is not a query parameter name (letters, digits, - _ . ~)");
            requireVariable(variable, at + "/credentials/queryEnv/" + parameter, name);
        });
    }

    private void requireVariable(String variable, String pointer, String name) {
        require(
                variable != null && VARIABLE.matcher(variable).matches(),
                pointer,
                name + ": '" + variable + "' is not the name of an environment variable");
    }

    private void require(boolean condition, String pointer, String problem) {
        if (!condition) {
            String line = locator.line(pointer).stream()
                    .mapToObj(number -> ":" + number)
                    .findFirst()
                    .orElse("");
            throw new ConfigException(file + line + ": " + problem);
        }
    }
}
