package org.feedwerk.translate.offline;

import ai.djl.sentencepiece.SpTokenizer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marian tokenization as Hugging Face's {@code MarianTokenizer} does it: the source text is cut into pieces by
 * the SentencePiece model {@code source.spm}, each piece is looked up in the shared {@code vocab.json} (unknown
 * pieces become {@code <unk>}) and {@code </s>} is appended. Output ids go back through the vocabulary to pieces,
 * special tokens are dropped, {@code target.spm} joins the pieces into text, and spaces before punctuation are
 * cleaned up unless {@code tokenizer_config.json} says {@code clean_up_tokenization_spaces: false}.
 *
 * <p>Multilingual exports (opus-mt-en-mul, opus-mt-tc-big-*) name the target language by a token in front of the
 * source, {@code >>deu<<} or {@code >>de<<}; when the vocabulary has such tokens, the one for the requested target
 * language is put first. A separate target vocabulary ({@code target_vocab.json}) is refused at load.
 */
final class MarianTokenizer implements AutoCloseable {
    private final SpTokenizer source;
    private final SpTokenizer target;
    private final Map<String, Integer> vocabulary;
    private final String[] pieces;
    private final int unknownId;
    private final int eosId;
    private final int padId;
    private final boolean cleanUpSpaces;
    /** {@code >>xxx<<} tokens of a multilingual model, by the language they name; empty for one target. */
    private final Map<String, Integer> targetTokens;

    private static final Pattern TARGET_TOKEN = Pattern.compile(">>([a-z]{2,3}(?:_[A-Za-z]+)?)<<");

    static {
        // DJL, whose SentencePiece binding this is, otherwise "calls home" when it loads its native library: it
        // asks the EC2 metadata address (169.254.169.254) for an instance id and sends telemetry to Amazon S3.
        // A news system must not make calls its operators did not configure.
        if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    /** What Hugging Face's clean-up of tokenization spaces undoes, in its order. */
    private static final String[][] SPACE_CLEAN_UP = {
        {" .", "."},
        {" ?", "?"},
        {" !", "!"},
        {" ,", ","},
        {" ' ", "'"},
        {" n't", "n't"},
        {" 'm", "'m"},
        {" 's", "'s"},
        {" 've", "'ve"},
        {" 're", "'re"}
    };

    private MarianTokenizer(
            SpTokenizer source,
            SpTokenizer target,
            Map<String, Integer> vocabulary,
            int eosId,
            int padId,
            boolean cleanUpSpaces) {
        this.source = source;
        this.target = target;
        this.vocabulary = vocabulary;
        int size =
                vocabulary.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        this.pieces = new String[size];
        vocabulary.forEach((piece, id) -> pieces[id] = piece);
        Integer unknown = vocabulary.get("<unk>");
        if (unknown == null) {
            throw new OfflineModelException("vocab.json has no <unk> entry");
        }
        this.unknownId = unknown;
        this.eosId = eosId;
        this.padId = padId;
        this.cleanUpSpaces = cleanUpSpaces;
        Map<String, Integer> tokens = new TreeMap<>();
        vocabulary.forEach((piece, id) -> {
            Matcher matcher = TARGET_TOKEN.matcher(piece);
            if (matcher.matches()) {
                tokens.put(matcher.group(1), id);
            }
        });
        this.targetTokens = Map.copyOf(tokens);
    }

    static MarianTokenizer load(Path folder, MarianConfig config) {
        if (Files.exists(folder.resolve("target_vocab.json"))) {
            throw new OfflineModelException(folder + " has a separate target vocabulary (target_vocab.json); only "
                    + "exports with one shared vocab.json are supported");
        }
        Map<String, Integer> vocabulary;
        try {
            vocabulary = new ObjectMapper()
                    .readValue(folder.resolve("vocab.json").toFile(), new TypeReference<Map<String, Integer>>() {});
        } catch (IOException e) {
            throw new OfflineModelException(folder.resolve("vocab.json") + " cannot be read: " + e.getMessage(), e);
        }
        boolean cleanUpSpaces = cleanUpSpaces(folder.resolve("tokenizer_config.json"));
        SpTokenizer source = sentencePiece(folder.resolve("source.spm"));
        try {
            return new MarianTokenizer(
                    source,
                    sentencePiece(folder.resolve("target.spm")),
                    Map.copyOf(vocabulary),
                    config.eosTokenId(),
                    config.padTokenId(),
                    cleanUpSpaces);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** {@code clean_up_tokenization_spaces} of the tokenizer configuration; true when absent, as transformers.js. */
    private static boolean cleanUpSpaces(Path file) {
        if (!Files.exists(file)) {
            return true;
        }
        try {
            return new ObjectMapper()
                    .readTree(file.toFile())
                    .path("clean_up_tokenization_spaces")
                    .asBoolean(true);
        } catch (IOException e) {
            throw new OfflineModelException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static SpTokenizer sentencePiece(Path file) {
        try {
            return new SpTokenizer(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new OfflineModelException(file + " is not a SentencePiece model: " + e.getMessage(), e);
        }
    }

    /** The model input for one sentence: vocabulary ids of its source pieces, then {@code </s>}. */
    long[] encode(String text) {
        return encode(text, null);
    }

    /**
     * The same, for a multilingual model with the token of {@code targetLanguage} (ISO 639-1 or -3) in front;
     * a model without such tokens ignores it.
     */
    long[] encode(String text, String targetLanguage) {
        List<String> sourcePieces = source.tokenize(text);
        int prefix = targetTokens.isEmpty() ? 0 : 1;
        long[] ids = new long[prefix + sourcePieces.size() + 1];
        if (prefix == 1) {
            ids[0] = targetToken(targetLanguage);
        }
        for (int index = 0; index < sourcePieces.size(); index++) {
            ids[prefix + index] = vocabulary.getOrDefault(sourcePieces.get(index), unknownId);
        }
        ids[ids.length - 1] = eosId;
        return ids;
    }

    /** The id of {@code >>deu<<} (or {@code >>de<<}) for "de"; refused with the languages the model has. */
    int targetToken(String language) {
        if (language == null) {
            throw new OfflineModelException("this multilingual model needs the target language (a >>xxx<< token)");
        }
        String threeLetters;
        try {
            threeLetters = Locale.forLanguageTag(language).getISO3Language();
        } catch (MissingResourceException e) {
            threeLetters = language;
        }
        for (String candidate : List.of(threeLetters, language)) {
            Integer id = targetTokens.get(candidate);
            if (id != null) {
                return id;
            }
        }
        throw new OfflineModelException("the model has no target-language token for '" + language + "' (it has "
                + targetTokens.keySet().stream()
                        .limit(12)
                        .map(code -> ">>" + code + "<<")
                        .toList()
                + (targetTokens.size() > 12 ? " and " + (targetTokens.size() - 12) + " more" : "") + ")");
    }

    /** The text of generated ids, without {@code </s>}, {@code <pad>} and {@code <unk>}. */
    String decode(long[] ids) {
        List<String> targetPieces = new ArrayList<>(ids.length);
        for (long id : ids) {
            if (id == eosId
                    || id == padId
                    || id == unknownId
                    || id < 0
                    || id >= pieces.length
                    || pieces[(int) id] == null) {
                continue;
            }
            targetPieces.add(pieces[(int) id]);
        }
        // A piece of the shared vocabulary that only the source model has (the model may emit one) comes back
        // from SentencePiece verbatim, word-start mark and all; read it as the tokenizer.json decoder does.
        String text = target.buildSentence(targetPieces).replace('▁', ' ');
        if (text.startsWith(" ")) {
            text = text.substring(1);
        }
        if (cleanUpSpaces) {
            for (String[] replacement : SPACE_CLEAN_UP) {
                text = text.replace(replacement[0], replacement[1]);
            }
        }
        return text;
    }

    int vocabularySize() {
        return pieces.length;
    }

    @Override
    public void close() {
        source.close();
        target.close();
    }
}
