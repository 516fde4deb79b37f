package org.feedwerk.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedwerk.html.MarkupSignature;

/**
 * Any OpenAI-compatible {@code POST /v1/chat/completions} server (OpenAI, Ollama, vLLM). One request per segment,
 * temperature 0, a system prompt asking for a faithful news translation that keeps every tag, attribute, name
 * and number and returns only the translation. An HTML reply whose tags differ from the source is refused.
 * Billing is reported in tokens.
 */
public final class OpenAiEngine extends HttpEngine {
    static final URI DEFAULT_API = URI.create("https://api.openai.com/v1");
    private static final Pattern REASONING = Pattern.compile("<think>.*?</think>\\s*", Pattern.DOTALL);
    private static final Pattern CODE_FENCE = Pattern.compile("^```[a-zA-Z]*\\s*\\n(.*?)\\n?```$", Pattern.DOTALL);

    private final String model;

    OpenAiEngine(
            String name,
            URI baseUri,
            String model,
            Optional<String> key,
            String keyVariable,
            EngineHttp http,
            Clock clock) {
        super(name, baseUri, key, keyVariable, http, clock);
        this.model = model;
    }

    @Override
    public boolean supports(String sourceLanguage, String targetLanguage) {
        return true;
    }

    @Override
    public EngineResult translate(EngineRequest request) {
        List<String> texts = new ArrayList<>();
        long tokens = 0;
        for (String text : request.texts()) {
            JsonNode answer = complete(request, text);
            String translation = translationIn(answer);
            if (request.format() == TextFormat.HTML) {
                MarkupSignature expected = MarkupSignature.of(text);
                MarkupSignature actual = MarkupSignature.of(translation);
                if (!expected.equals(actual)) {
                    throw badOutput("reply changed the markup (" + expected.differenceTo(actual) + ")");
                }
            }
            texts.add(translation);
            tokens += answer.path("usage").path("total_tokens").asLong(0);
        }
        return new EngineResult(texts, tokens);
    }

    private JsonNode complete(EngineRequest request, String text) {
        ObjectNode body = json().createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemPrompt(request));
        messages.addObject().put("role", "user").put("content", text);
        Map<String, String> headers =
                key.map(value -> Map.of("Authorization", "Bearer " + value)).orElse(Map.of());
        return postForJson(endpoint("/chat/completions"), "application/json", body.toString(), headers);
    }

    static String systemPrompt(EngineRequest request) {
        String from = languageName(request.sourceLanguage());
        String to = languageName(request.targetLanguage());
        String markup = request.format() == TextFormat.HTML
                ? " The text is an HTML fragment: keep every HTML tag and every attribute exactly as it is, in the"
                        + " same places, and translate only the text between the tags."
                : " The text is plain text: do not add any markup.";
        return "You are a professional news translator. Translate the user's text from " + from + " to " + to
                + " faithfully and completely, in the style of a quality newspaper. Do not summarize, add, explain"
                + " or omit anything. Keep names of people, places and organizations, and all numbers, dates and"
                + " amounts exactly." + markup + " Reply with the translation only, without any introduction,"
                + " comment or quotation marks around it.";
    }

    private static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /**
     * The translation in a chat completion, without what real servers wrap around it: a reasoning model's
     * {@code <think>} block (Ollama and vLLM pass it through in the content) and a Markdown code fence. An answer
     * the server cut off at its token limit, withheld by a content filter or refused is no translation.
     */
    private String translationIn(JsonNode answer) {
        if (answer.path("error").isObject()) {
            throw badOutput(
                    "error in answer: " + answer.path("error").path("message").asText(""));
        }
        JsonNode choice = answer.path("choices").path(0);
        JsonNode message = choice.path("message");
        String finish = choice.path("finish_reason").asText("");
        if (finish.equals("length")) {
            throw badOutput("answer cut off at the model's token limit (finish_reason length)");
        }
        if (finish.equals("content_filter")) {
            throw badOutput("answer withheld by the server's content filter");
        }
        if (message.path("refusal").isTextual()) {
            throw badOutput("the model refused: " + message.path("refusal").asText());
        }
        String content = message.path("content").asText("").strip();
        Matcher reasoning = REASONING.matcher(content);
        if (reasoning.lookingAt()) {
            content = content.substring(reasoning.end()).strip();
        } else if (content.startsWith("<think>")) {
            throw badOutput("answer is an unfinished reasoning block");
        }
        Matcher fenced = CODE_FENCE.matcher(content);
        String translation = fenced.matches() ? fenced.group(1).strip() : content;
        if (translation.isBlank()) {
            throw badOutput("empty answer");
        }
        return translation;
    }
}
