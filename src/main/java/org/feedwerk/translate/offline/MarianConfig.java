package org.feedwerk.translate.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The special tokens and generation defaults of a Marian model, from {@code config.json} overridden by
 * {@code generation_config.json} (as Hugging Face transformers reads them). Tokens in {@code bad_words_ids} of
 * length one, and the pad token, are never generated. {@code max_position_embeddings} bounds the source length.
 */
record MarianConfig(
        int padTokenId,
        int eosTokenId,
        int decoderStartTokenId,
        int numBeams,
        int maxLength,
        double lengthPenalty,
        Set<Integer> bannedTokenIds,
        int maxSourceTokens) {

    /** The banned tokens as a mask over the vocabulary, for the inner loops of generation. */
    boolean[] bannedMask(int vocabulary) {
        boolean[] mask = new boolean[vocabulary];
        bannedTokenIds.stream()
                .filter(token -> token >= 0 && token < vocabulary)
                .forEach(token -> mask[token] = true);
        return mask;
    }

    static MarianConfig read(Path folder) {
        ObjectMapper json = new ObjectMapper();
        JsonNode model = readJson(json, folder.resolve("config.json"), true);
        JsonNode generation = readJson(json, folder.resolve("generation_config.json"), false);
        int pad = integer(model, generation, "pad_token_id", -1);
        if (pad < 0) {
            throw new OfflineModelException(folder.resolve("config.json") + ": pad_token_id is missing");
        }
        int eos = integer(model, generation, "eos_token_id", 0);
        int start = integer(model, generation, "decoder_start_token_id", pad);
        Set<Integer> banned = new HashSet<>();
        banned.add(pad);
        JsonNode badWords =
                generation.has("bad_words_ids") ? generation.get("bad_words_ids") : model.get("bad_words_ids");
        if (badWords != null) {
            badWords.forEach(sequence -> {
                if (sequence.isArray() && sequence.size() == 1) {
                    banned.add(sequence.get(0).asInt());
                }
            });
        }
        return new MarianConfig(
                pad,
                eos,
                start,
                integer(model, generation, "num_beams", 1),
                integer(model, generation, "max_length", 512),
                generation
                        .path("length_penalty")
                        .asDouble(model.path("length_penalty").asDouble(1.0)),
                Set.copyOf(banned),
                model.path("max_position_embeddings").asInt(512));
    }

    private static int integer(JsonNode model, JsonNode generation, String key, int fallback) {
        JsonNode value = generation.has(key) ? generation.get(key) : model.get(key);
        return value == null || value.isNull() ? fallback : value.asInt();
    }

    private static JsonNode readJson(ObjectMapper json, Path file, boolean required) {
        if (!Files.exists(file)) {
            if (required) {
                throw new OfflineModelException(file + " is missing");
            }
            return json.createObjectNode();
        }
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new OfflineModelException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
