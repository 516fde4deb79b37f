package org.feedwerk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("feedwerk.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String VALID = """
            server: { port: 9090 }
            dataDir: ./state
            sources:
              - id: harbour-world
                url: https://example.org/rss
                format: auto
                language: en
                interval: 5m
                attribution: Harbour Wire
              - id: inbox
                dir: drop
            """;

    @Test
    void readsRolesWithAllFourByDefault() throws IOException {
        assertThat(new ConfigLoader(Map.of()).load(write(VALID)).activeRoles()).isEqualTo(Role.ALL);
        assertThat(new ConfigLoader(Map.of())
                        .load(write("roles: [fetch, Publish]\n" + VALID))
                        .activeRoles())
                .containsExactlyInAnyOrder(Role.FETCH, Role.PUBLISH);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(write("roles: [fetch, render]\n" + VALID)))
                .hasMessageContaining("feedwerk.yml:1:")
                .hasMessageContaining("unknown role 'render'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(write("roles: []\n" + VALID)))
                .hasMessageContaining("at least one role");
    }

    @Test
    void readsTrustedProxies() throws IOException {
        FeedwerkConfig config = new ConfigLoader(Map.of())
                .load(write(VALID.replace(
                        "server: { port: 9090 }", "server: { port: 9090, trustedProxies: [10.0.0.5, \"::1\"] }")));

        assertThat(config.server().trustedProxies()).containsExactly("10.0.0.5", "::1");
        assertThat(new ConfigLoader(Map.of()).load(write(VALID)).server().trustedProxies())
                .isEmpty();
    }

    @Test
    void readsTheDocumentedKeysWithDefaults() throws IOException {
        FeedwerkConfig config = new ConfigLoader(Map.of()).load(write(VALID));

        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(dir.resolve("state"));
        assertThat(config.database().findUrl()).isEmpty();
        assertThat(config.fetch().maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
        SourceConfig first = config.sources().get(0);
        assertThat(first.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(first.format()).isEqualTo(SourceFormat.AUTO);
        assertThat(first.attribution()).isEqualTo("Harbour Wire");
        assertThat(config.sources().get(1).dir()).as("relative to the file").isEqualTo(dir.resolve("drop"));
        assertThat(config.sources().get(1).interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsGlossaryAndNamesNeverTranslated() throws IOException {
        FeedwerkConfig config = new ConfigLoader(Map.of()).load(write(VALID + """
                translation:
                  glossary:
                    en-de:
                      sovereign wealth fund: Staatsfonds
                      Kirill Dmitriev: Kirill Dmitrijew
                  doNotTranslate: [CNN, Reuters, X]
                """));

        assertThat(config.translation().glossary())
                .containsEntry(
                        "en-de", Map.of("sovereign wealth fund", "Staatsfonds", "Kirill Dmitriev", "Kirill Dmitrijew"));
        assertThat(config.translation().doNotTranslate()).containsExactly("CNN", "Reuters", "X");
    }

    @Test
    void readsOfflineEngineKeys() throws IOException {
        FeedwerkConfig config = new ConfigLoader(Map.of()).load(write(VALID + """
                models:
                  dir: ./models
                  baseUrl: https://mirror.example
                  autoPull: false
                translation:
                  engines:
                    - name: opus
                      type: onnx
                      model: opus-mt-en-de
                      threads: 2
                      beams: 4
                      maxLength: 256
                      quantized: false
                    - name: local
                      type: onnx
                      path: ./my-model
                      pairs: [en-fr]
                """));

        OnnxEngineConfig opus =
                (OnnxEngineConfig) config.translation().engines().get(0);
        assertThat(opus.type()).isEqualTo(EngineType.ONNX);
        assertThat(opus.model()).isEqualTo("opus-mt-en-de");
        assertThat(List.of(opus.threads(), opus.beams(), opus.maxLength())).containsExactly(2, 4, 256);
        assertThat(opus.quantized()).isFalse();
        OnnxEngineConfig local =
                (OnnxEngineConfig) config.translation().engines().get(1);
        assertThat(local.path()).as("relative to the file").isEqualTo(dir.resolve("my-model"));
        assertThat(local.quantized()).as("default").isTrue();
        assertThat(config.models().directory(config.dataDir())).isEqualTo(dir.resolve("models"));
        assertThat(config.models().autoPull()).isFalse();
    }

    @Test
    void environmentOverridesTheFile() throws IOException {
        Map<String, String> environment = Map.of(
                "FEEDWERK_SERVER_PORT",
                "7070",
                "FEEDWERK_SERVER_HOST",
                "0.0.0.0",
                "FEEDWERK_DATABASE_URL",
                "jdbc:postgresql://db/feedwerk",
                "FEEDWERK_FETCH_MAXBACKOFF",
                "1h");

        FeedwerkConfig config = new ConfigLoader(environment).load(write(VALID));

        assertThat(config.server().port()).isEqualTo(7070);
        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(config.database().findUrl()).contains("jdbc:postgresql://db/feedwerk");
        assertThat(config.fetch().maxBackoff()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void badEnvironmentValueIsNamed() throws IOException {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("FEEDWERK_SERVER_PORT", "eighty")).load(write(VALID)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FEEDWERK_SERVER_PORT");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(
                        "unknown key",
                        VALID.replace("    interval: 5m", "    intervall: 5m"),
                        "feedwerk.yml:8: unknown key 'intervall' in sources[0]"),
                Arguments.of(
                        "missing id",
                        VALID.replace("  - id: inbox\n", "  - attribution: x\n"),
                        "feedwerk.yml:10: sources[1] has no id"),
                Arguments.of(
                        "bad interval",
                        VALID.replace("interval: 5m", "interval: soon"),
                        "feedwerk.yml:8: invalid value for sources[0].interval"),
                Arguments.of(
                        "too short interval",
                        VALID.replace("interval: 5m", "interval: 1s"),
                        "feedwerk.yml:8: source 'harbour-world' interval must be at least 10s"),
                Arguments.of(
                        "duplicate id",
                        VALID.replace("id: inbox", "id: harbour-world"),
                        "feedwerk.yml:10: duplicate source id 'harbour-world'"),
                Arguments.of(
                        "bad id",
                        VALID.replace("id: inbox", "id: In Box"),
                        "feedwerk.yml:10: source id 'In Box' must use only"),
                Arguments.of(
                        "url and dir",
                        VALID.replace("    dir: drop", "    dir: drop\n    url: https://a.example/"),
                        "feedwerk.yml:10: source 'inbox' needs exactly one of url or dir"),
                Arguments.of(
                        "non-http url",
                        VALID.replace("https://example.org/rss", "ftp://example.org/rss"),
                        "feedwerk.yml:5: source 'harbour-world' url must be an absolute http or https URL"),
                Arguments.of(
                        "unknown format",
                        VALID.replace("format: auto", "format: newsml3"),
                        "feedwerk.yml:6: invalid value for sources[0].format"),
                Arguments.of(
                        "onnx without model",
                        VALID + "translation:\n  engines:\n    - name: opus\n      type: onnx\n",
                        "feedwerk.yml:14: engine 'opus' of type onnx needs exactly one of model or path"),
                Arguments.of(
                        "onnx without pair",
                        VALID + "translation:\n  engines:\n    - name: opus\n      type: onnx\n" + "      path: ./m\n",
                        "feedwerk.yml:14: engine 'opus' of type onnx needs pairs"),
                Arguments.of(
                        "onnx beams",
                        VALID + "translation:\n  engines:\n    - name: opus\n      type: onnx\n"
                                + "      model: opus-mt-en-de\n      beams: 0\n",
                        "feedwerk.yml:17: beams must be between 1 and 16"),
                Arguments.of(
                        "engine without type",
                        VALID + "translation:\n  engines:\n    - name: libre\n      url: http://localhost:5000\n",
                        "feedwerk.yml:14: translation.engines[0] needs a type"),
                Arguments.of(
                        "unknown engine type",
                        VALID + "translation:\n  engines:\n    - name: libre\n      type: babelfish\n",
                        "feedwerk.yml:15: unknown engine type 'babelfish' for translation.engines[0] (deepl, libretranslate, "
                                + "openai, apertium, onnx)"),
                Arguments.of(
                        "setting of another engine kind",
                        VALID + "translation:\n  engines:\n    - name: opus\n      type: onnx\n"
                                + "      model: opus-mt-en-de\n      url: http://localhost:5000\n",
                        "feedwerk.yml:17: unknown key 'url' in translation.engines[0]"),
                Arguments.of(
                        "openai without model",
                        VALID + "translation:\n  engines:\n    - name: llm\n      type: openai\n",
                        "feedwerk.yml:14: engine 'llm' of type openai needs a model"),
                Arguments.of(
                        "password in the url",
                        VALID.replace("https://example.org/rss", "https://wire:secret@example.org/rss"),
                        "feedwerk.yml:5: source 'harbour-world' url must not carry a user name or password"),
                Arguments.of(
                        "user name without password",
                        VALID.replace("    attribution: Harbour Wire", "    credentials: { usernameEnv: WIRE_USER }"),
                        "feedwerk.yml:9: source 'harbour-world' credentials: usernameEnv and passwordEnv go together"),
                Arguments.of(
                        "credentials on a drop folder",
                        VALID + "    credentials: { tokenEnv: WIRE_TOKEN }\n",
                        "feedwerk.yml:12: source 'inbox' credentials need a url"),
                Arguments.of(
                        "header name with a space",
                        VALID.replace(
                                "    attribution: Harbour Wire",
                                "    credentials:\n      headerEnv: { \"X Api Key\": WIRE_KEY }"),
                        "feedwerk.yml:10: source 'harbour-world' credentials: 'X Api Key' is not an HTTP header name"),
                Arguments.of(
                        "query parameter name that needs encoding",
                        VALID.replace(
                                "    attribution: Harbour Wire",
                                "    credentials:\n      queryEnv: { \"api key\": NEWS_KEY }"),
                        "feedwerk.yml:10: source 'harbour-world' credentials: 'api key' is not a query parameter name"),
                Arguments.of("not yaml", "sources: [\n", "feedwerk.yml"),
                Arguments.of("top-level list", "- a\n- b\n", "feedwerk.yml:1: the configuration must be a mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void configErrorNamesFileLineAndProblem(String name, String yaml, String message) throws IOException {
        Path file = write(yaml);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve(message).toString());
    }

    @Test
    void readsSourceCredentialsAsTheNamesOfEnvironmentVariables() throws IOException {
        FeedwerkConfig config = new ConfigLoader(Map.of())
                .load(write(VALID.replace(
                        "    attribution: Harbour Wire",
                        "    attribution: Harbour Wire\n    credentials:\n      usernameEnv: WIRE_USER\n"
                                + "      passwordEnv: WIRE_PASSWORD\n      headerEnv: { X-Api-Key: WIRE_API_KEY }\n"
                                + "      queryEnv: { api-key: WIRE_QUERY_KEY }")));

        SourceCredentials credentials =
                config.sources().get(0).findCredentials().orElseThrow();
        assertThat(credentials)
                .isEqualTo(new SourceCredentials(
                        "WIRE_USER",
                        "WIRE_PASSWORD",
                        null,
                        Map.of("X-Api-Key", "WIRE_API_KEY"),
                        Map.of("api-key", "WIRE_QUERY_KEY")));
        assertThat(credentials.queryParameters(Map.of("WIRE_QUERY_KEY", "q-7")))
                .containsExactly(Map.entry("api-key", "q-7"));
        assertThat(credentials.headers(Map.of("WIRE_USER", "desk", "WIRE_PASSWORD", "pä:ss", "WIRE_API_KEY", " k-1 ")))
                .containsExactly(Map.entry("Authorization", "Basic ZGVzazpww6Q6c3M="), Map.entry("X-Api-Key", "k-1"));
        assertThatThrownBy(() -> credentials.headers(Map.of("WIRE_USER", "desk")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable WIRE_PASSWORD is not set");
        assertThat(config.sources().get(1).findCredentials()).isEmpty();
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("nope.yml")))
                .hasMessageContaining("nope.yml: configuration file not found");
    }

    @Test
    void everyScalarKeyHasAnEnvironmentVariable() {
        assertThat(EnvironmentOverrides.variables())
                .containsKeys(
                        "FEEDWERK_SERVER_PORT",
                        "FEEDWERK_SERVER_HOST",
                        "FEEDWERK_DATADIR",
                        "FEEDWERK_DATABASE_URL",
                        "FEEDWERK_DATABASE_USER",
                        "FEEDWERK_FETCH_CONCURRENCY")
                .doesNotContainKey("FEEDWERK_SOURCES");
    }
}
