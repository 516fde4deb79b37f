package org.feedwerk.translate.offline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loaded Marian model: tokenizer, sessions and generation settings. Sentences are sorted by length and run in
 * batches of similar length, so padding stays small and memory bounded (at most {@link #BATCH_TOKENS} source
 * tokens times the number of beams per batch).
 */
final class MarianTranslator implements AutoCloseable {
    static final int BATCH_SENTENCES = 16;
    static final int BATCH_TOKENS = 1024;

    private final MarianTokenizer tokenizer;
    private final LongAdder sentences = new LongAdder();
    private final LongAdder generatedTokens = new LongAdder();
    private final MarianOnnxModel model;
    private final MarianConfig config;
    private final int beams;
    private final int maxLength;

    MarianTranslator(
            MarianTokenizer tokenizer, MarianOnnxModel model, MarianConfig config, Integer beams, Integer maxLength) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.config = config;
        this.beams = beams != null ? beams : Math.max(1, config.numBeams());
        this.maxLength = maxLength != null ? maxLength : config.maxLength();
    }

    /** Loads {@code config.json}, the tokenizer files and the two ONNX files of a model folder. */
    static MarianTranslator load(Path folder, boolean quantized, int threads, Integer beams, Integer maxLength) {
        MarianConfig config = MarianConfig.read(folder);
        String suffix = quantized ? "_quantized" : "";
        MarianTokenizer tokenizer = MarianTokenizer.load(folder, config);
        try {
            MarianOnnxModel model = MarianOnnxModel.open(
                    folder.resolve("onnx/encoder_model" + suffix + ".onnx"),
                    folder.resolve("onnx/decoder_model_merged" + suffix + ".onnx"),
                    threads);
            return new MarianTranslator(tokenizer, model, config, beams, maxLength);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    MarianTokenizer tokenizer() {
        return tokenizer;
    }

    int beams() {
        return beams;
    }

    /**
     * Translates sentences (each a whole sentence or less); the result is in input order. A sentence longer than
     * the model's positions is cut at the comma or space nearest its middle and translated in parts.
     */
    List<String> translate(List<String> sentences) {
        return translate(sentences, null);
    }

    /** The same into {@code targetLanguage}, which a multilingual model needs (its {@code >>xxx<<} token). */
    List<String> translate(List<String> sentences, String targetLanguage) {
        List<List<String>> parts = sentences.stream()
                .map(sentence -> fitting(sentence, targetLanguage))
                .toList();
        List<String> flat = parts.stream().flatMap(List::stream).toList();
        List<String> translated = translateFitting(flat, targetLanguage);
        List<String> joined = new ArrayList<>(sentences.size());
        int next = 0;
        for (List<String> sentence : parts) {
            joined.add(String.join(" ", translated.subList(next, next + sentence.size())));
            next += sentence.size();
        }
        return joined;
    }

    /** Tokenizing refuses a target language a multilingual model lacks before the model runs. */
    private List<String> fitting(String sentence, String targetLanguage) {
        if (sentence.length() < 2 || tokenizer.encode(sentence, targetLanguage).length <= config.maxSourceTokens()) {
            return List.of(sentence);
        }
        int middle = sentence.length() / 2;
        int cut = -1;
        for (int distance = 0; distance < middle && cut < 0; distance++) {
            for (int at : new int[] {middle - distance, middle + distance}) {
                if (cut < 0 && at > 0 && at < sentence.length() - 1 && ",;:".indexOf(sentence.charAt(at)) >= 0) {
                    cut = at + 1;
                }
            }
        }
        if (cut < 0) {
            cut = sentence.lastIndexOf(' ', middle) > 0 ? sentence.lastIndexOf(' ', middle) : middle;
        }
        List<String> halves = new ArrayList<>(fitting(sentence.substring(0, cut).strip(), targetLanguage));
        halves.addAll(fitting(sentence.substring(cut).strip(), targetLanguage));
        return halves;
    }

    private List<String> translateFitting(List<String> sentences, String targetLanguage) {
        List<long[]> ids = sentences.stream()
                .map(sentence -> tokenizer.encode(sentence, targetLanguage))
                .toList();
        Integer[] byLength = new Integer[ids.size()];
        Arrays.setAll(byLength, index -> index);
        Arrays.sort(byLength, Comparator.comparingInt(index -> ids.get(index).length));
        String[] translations = new String[ids.size()];
        List<Integer> batch = new ArrayList<>();
        int batchTokens = 0;
        for (int index : byLength) {
            int length = ids.get(index).length;
            if (!batch.isEmpty() && (batch.size() == BATCH_SENTENCES || batchTokens + length > BATCH_TOKENS)) {
                run(batch, ids, translations);
                batch.clear();
                batchTokens = 0;
            }
            batch.add(index);
            batchTokens += length;
        }
        if (!batch.isEmpty()) {
            run(batch, ids, translations);
        }
        return List.of(translations);
    }

    private void run(List<Integer> batch, List<long[]> ids, String[] translations) {
        List<long[]> outputs = generate(batch.stream().map(ids::get).toList());
        for (int position = 0; position < batch.size(); position++) {
            translations[batch.get(position)] = tokenizer.decode(outputs.get(position));
        }
    }

    /**
     * The generated ids (without the start token) for a batch of encoded sentences: what the differential test
     * compares with the reference implementation.
     */
    List<long[]> generate(List<long[]> inputs) {
        MarianOnnxModel.EncodedBatch encoded = model.encode(inputs, config.padTokenId());
        List<long[]> outputs;
        try (DecoderRun run = new DecoderRun(model, encoded, beams)) {
            outputs = beams == 1
                    ? GreedySearch.generate(run, config, maxLength)
                    : BeamSearch.generate(run, config, beams, maxLength);
        }
        sentences.add(inputs.size());
        for (long[] output : outputs) {
            generatedTokens.add(Arrays.stream(output)
                    .filter(id -> id != config.padTokenId())
                    .count());
        }
        return outputs;
    }

    RuntimeStats stats() {
        return new RuntimeStats(
                sentences.sum(),
                generatedTokens.sum(),
                Duration.ofNanos(model.runtimeNanos()),
                Duration.ofNanos(model.searchNanos()));
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
