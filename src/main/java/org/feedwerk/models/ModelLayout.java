package org.feedwerk.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of an OPUS-MT export in the layout of the Hugging Face transformers.js / Optimum exports, and how a
 * model name maps to a hub repository ({@code opus-mt-en-de} → {@code Xenova/opus-mt-en-de}; {@code owner/name}
 * as it is).
 */
public final class ModelLayout {
    private static final List<String> TOKENIZER_AND_CONFIG = List.of(
            "config.json", "generation_config.json", "source.spm", "target.spm", "vocab.json", "tokenizer_config.json");

    private static final Pattern OPUS_MT_PAIR = Pattern.compile(".*opus-mt-([a-z]{2,3})-([a-z]{2,3})");

    private ModelLayout() {}

    /** The language pair a model name states, as OPUS-MT names do ({@code opus-mt-en-de} → {@code en-de}). */
    public static Optional<String> languagePair(String name) {
        Matcher matcher = OPUS_MT_PAIR.matcher(name);
        return matcher.matches() ? Optional.of(matcher.group(1) + "-" + matcher.group(2)) : Optional.empty();
    }

    public static String repository(String name) {
        return name.contains("/") ? name : "Xenova/" + name;
    }

    /** The local folder name of a model: the repository with "/" replaced by "--". */
    public static String folder(String name) {
        return repository(name).replace("/", "--");
    }

    public static List<String> files(boolean quantized) {
        List<String> files = new ArrayList<>(TOKENIZER_AND_CONFIG);
        String suffix = quantized ? "_quantized" : "";
        files.add("onnx/encoder_model" + suffix + ".onnx");
        files.add("onnx/decoder_model_merged" + suffix + ".onnx");
        return files;
    }
}
