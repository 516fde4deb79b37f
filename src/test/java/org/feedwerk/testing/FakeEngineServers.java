package org.feedwerk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;

/**
 * Local servers that speak the documented wire formats of DeepL ({@code POST /v2/translate}, form-encoded),
 * LibreTranslate ({@code POST /translate}, JSON) and OpenAI-compatible chat completions, answering with
 * {@link PseudoTranslation}. Tests queue error statuses to be answered first, and read what was sent.
 */
public final class FakeEngineServers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalHttpServer server = new LocalHttpServer();
    private final Map<String, List<Integer>> queuedStatuses = new ConcurrentHashMap<>();
    private final List<Map<String, List<String>>> deeplForms = new CopyOnWriteArrayList<>();
    private final List<JsonNode> jsonBodies = new CopyOnWriteArrayList<>();
    private final AtomicLong charactersReceived = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, Map<String, String>> glossaries = new ConcurrentHashMap<>();
    private final List<Map<String, List<String>>> glossaryForms = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<String> llmReply = PseudoTranslation::html;
    private volatile String llmFinishReason = "stop";
    private volatile int libreBatchLimit = -1;
    private volatile int libreCharLimit = -1;
    private volatile boolean libreCountsWholeRequest;
    private volatile boolean libreBans;
    private volatile UnaryOperator<String> textTranslation = PseudoTranslation::plain;

    public FakeEngineServers() {
        server.on("/v2/translate", this::deepl);
        server.on("/v2/glossaries", this::deeplGlossary);
        server.on("/translate", this::libre);
        server.on("/v1/chat/completions", this::openai);
    }

    public LocalHttpServer server() {
        return server;
    }

    /** The next answers of {@code path} have these statuses (then normal answers again). */
    public void failNext(String path, Integer... statuses) {
        queuedStatuses
                .computeIfAbsent(path, key -> new CopyOnWriteArrayList<>())
                .addAll(List.of(statuses));
    }

    /** How DeepL and LibreTranslate translate each text (each text node of HTML); upper case by default. */
    public void translateTextWith(UnaryOperator<String> translation) {
        this.textTranslation = translation;
    }

    private String translate(String text, boolean html) {
        return html ? PseudoTranslation.html(text, textTranslation) : textTranslation.apply(text);
    }

    /**
     * LibreTranslate's {@code --batch-limit} and {@code --char-limit} (-1: none), refused as the current server
     * does: 400 "Invalid request: request (size) exceeds text limit (limit)", the character limit per text.
     */
    public void limitLibreTranslate(int batchLimit, int charLimit) {
        this.libreBatchLimit = batchLimit;
        this.libreCharLimit = charLimit;
        this.libreCountsWholeRequest = false;
    }

    /** The character limit as LibreTranslate 1.2 counted it: all texts of a request together. */
    public void limitLibreTranslateRequestsTo(int charLimit) {
        this.libreBatchLimit = -1;
        this.libreCharLimit = charLimit;
        this.libreCountsWholeRequest = true;
    }

    /** LibreTranslate's flood protection: every request answered 403 "Too many request limits violations". */
    public void banFromLibreTranslate(boolean banned) {
        this.libreBans = banned;
    }

    public void replyFromLlm(UnaryOperator<String> reply) {
        this.llmReply = reply;
    }

    /**
     * The {@code finish_reason} of the next chat completions: {@code length} when the server cut the answer off at
     * its token limit, {@code content_filter} when it withheld it, {@code refusal} for a model's refusal (its
     * content then null and the reply text in {@code message.refusal}).
     */
    public void finishLlmWith(String reason) {
        this.llmFinishReason = reason;
    }

    public List<Map<String, List<String>>> deeplForms() {
        return deeplForms;
    }

    /** The DeepL glossaries created, as their form fields. */
    public List<Map<String, List<String>>> glossaryForms() {
        return glossaryForms;
    }

    public List<JsonNode> jsonBodies() {
        return jsonBodies;
    }

    /** Characters of text (tags excluded) the engines were asked to translate. */
    public long charactersReceived() {
        return charactersReceived.get();
    }

    public int requests() {
        return requests.get();
    }

    private volatile long latencyMillis;

    /** Every answer takes this long, as a real engine's does (so that a crash can land mid-translation). */
    public void answerAfter(Duration latency) {
        this.latencyMillis = latency.toMillis();
    }

    private boolean answeredWithQueuedError(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Integer> queue = queuedStatuses.get(exchange.getRequestURI().getPath());
        if (queue != null && !queue.isEmpty()) {
            int status = queue.remove(0);
            LocalHttpServer.send(
                    exchange,
                    status,
                    "application/json",
                    ("{\"message\":\"fake error " + status + "\"}").getBytes(StandardCharsets.UTF_8));
            return true;
        }
        return false;
    }

    private void deepl(HttpExchange exchange) throws IOException {
        if (answeredWithQueuedError(exchange)) {
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("DeepL-Auth-Key ")) {
            LocalHttpServer.send(exchange, 403, "application/json", "{\"message\":\"Forbidden\"}".getBytes());
            return;
        }
        Map<String, List<String>> form =
                parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        deeplForms.add(form);
        boolean html = "html".equals(first(form, "tag_handling"));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode translations = answer.putArray("translations");
        Map<String, String> glossary = glossaries.getOrDefault(String.valueOf(first(form, "glossary_id")), Map.of());
        for (String text : form.getOrDefault("text", List.of())) {
            long billed = count(text, html);
            String translated = translate(text, html);
            for (Map.Entry<String, String> entry : glossary.entrySet()) {
                translated = translated.replace(entry.getKey().toUpperCase(), entry.getValue());
            }
            translations
                    .addObject()
                    .put("detected_source_language", first(form, "source_lang"))
                    .put("text", translated)
                    .put("billed_characters", billed);
        }
        LocalHttpServer.send(
                exchange, 200, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** DeepL {@code POST /v2/glossaries}: TSV entries, answers the new glossary's id. */
    private void deeplGlossary(HttpExchange exchange) throws IOException {
        if (answeredWithQueuedError(exchange)) {
            return;
        }
        Map<String, List<String>> form =
                parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        glossaryForms.add(form);
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : first(form, "entries").split("\n")) {
            String[] parts = line.split("\t");
            entries.put(parts[0], parts[1]);
        }
        String id = "gl-" + glossaries.size();
        glossaries.put(id, entries);
        LocalHttpServer.send(
                exchange,
                201,
                "application/json",
                ("{\"glossary_id\":\"" + id + "\",\"ready\":true," + "\"entry_count\":" + entries.size() + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void libre(HttpExchange exchange) throws IOException {
        if (answeredWithQueuedError(exchange)) {
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        jsonBodies.add(body);
        String refusal = libreRefusal(body.path("q"));
        if (refusal != null) {
            int status = refusal.startsWith("Too many") ? 403 : 400;
            byte[] error =
                    JSON.createObjectNode().put("error", refusal).toString().getBytes(StandardCharsets.UTF_8);
            LocalHttpServer.send(exchange, status, "application/json", error);
            return;
        }
        boolean html = "html".equals(body.path("format").asText());
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode translated = answer.putArray("translatedText");
        for (JsonNode text : body.path("q")) {
            count(text.asText(), html);
            translated.add(translate(text.asText(), html));
        }
        LocalHttpServer.send(
                exchange, 200, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String libreRefusal(JsonNode texts) {
        if (libreBans) {
            return "Too many request limits violations";
        }
        if (libreBatchLimit != -1 && texts.size() > libreBatchLimit) {
            return "Invalid request: request (" + texts.size() + ") exceeds text limit (" + libreBatchLimit + ")";
        }
        if (libreCharLimit == -1) {
            return null;
        }
        long whole = 0;
        for (JsonNode text : texts) {
            long characters = text.asText().codePoints().count();
            whole += characters;
            if (!libreCountsWholeRequest && characters > libreCharLimit) {
                return "Invalid request: request (" + characters + ") exceeds text limit (" + libreCharLimit + ")";
            }
        }
        if (libreCountsWholeRequest && whole > libreCharLimit) {
            return "Invalid request: Request (" + whole + ") exceeds character limit (" + libreCharLimit + ")";
        }
        return null;
    }

    private void openai(HttpExchange exchange) throws IOException {
        if (answeredWithQueuedError(exchange)) {
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        jsonBodies.add(body);
        String user = body.path("messages").path(1).path("content").asText();
        count(user, true);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", "chatcmpl-fake")
                .put("object", "chat.completion")
                .put("model", body.path("model").asText());
        boolean refused = llmFinishReason.equals("refusal");
        ObjectNode message = answer.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", refused ? "stop" : llmFinishReason)
                .putObject("message");
        message.put("role", "assistant");
        if (refused) {
            message.putNull("content").put("refusal", llmReply.apply(user));
        } else {
            message.put("content", llmReply.apply(user)).putNull("refusal");
        }
        answer.putObject("usage")
                .put("prompt_tokens", 50)
                .put("completion_tokens", 20)
                .put("total_tokens", 70);
        LocalHttpServer.send(
                exchange, 200, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private long count(String text, boolean html) {
        String plain = html ? Jsoup.parseBodyFragment(text).text() : text;
        charactersReceived.addAndGet(plain.length());
        return plain.length();
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new ConcurrentHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(key, unused -> new ArrayList<>()).add(value);
        }
        return form;
    }

    public void close() {
        server.close();
    }
}
