package org.feedwerk.models;

import java.util.ArrayList;
import java.util.List;

/**
 * The files of an OPUS-MT export in the layout of the Hugging Face transformers.js / Optimum exports, and how a
 * model name maps to a hub repository ({@code opus-mt-en-de} → {@code Xenova/opus-mt-en-de}; {@code owner/name}
 * as it is).
 */
public final class ModelLayout {
    private static final List<String> TOKENIZER_AND_CONFIG = List.of("config.json", "generation_config.json",
            "source.spm", "target.spm", "vocab.json", "tokenizer_config.json");

    private ModelLayout() {}

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
