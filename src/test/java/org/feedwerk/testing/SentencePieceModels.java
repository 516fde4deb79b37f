package org.feedwerk.testing;

import java.util.Map;
import org.feedwerk.testing.sentencepiece.SentencePieceSubset;
import org.feedwerk.testing.sentencepiece.SentencePieceSubset.ModelProto.SentencePiece;

/** SentencePiece unigram models for test models: {@code <unk>}, {@code <s>}, {@code </s>}, then the pieces. */
public final class SentencePieceModels {
    private SentencePieceModels() {}

    /** A unigram model with identity normalization over {@code scores} (piece → log-probability), in order. */
    public static byte[] unigram(Map<String, Float> scores) {
        SentencePieceSubset.ModelProto.Builder model = SentencePieceSubset.ModelProto.newBuilder();
        model.addPieces(piece("<unk>", 0, SentencePiece.Type.UNKNOWN));
        model.addPieces(piece("<s>", 0, SentencePiece.Type.CONTROL));
        model.addPieces(piece("</s>", 0, SentencePiece.Type.CONTROL));
        scores.forEach((text, score) -> model.addPieces(piece(text, score, SentencePiece.Type.NORMAL)));
        model.setTrainerSpec(SentencePieceSubset.TrainerSpec.newBuilder()
                .setModelType(SentencePieceSubset.TrainerSpec.ModelType.UNIGRAM)
                .setVocabSize(scores.size() + 3)
                .setUnkId(0)
                .setBosId(1)
                .setEosId(2)
                .setPadId(-1));
        model.setNormalizerSpec(SentencePieceSubset.NormalizerSpec.newBuilder()
                .setName("identity")
                .setAddDummyPrefix(true)
                .setRemoveExtraWhitespaces(true)
                .setEscapeWhitespaces(true));
        return model.build().toByteArray();
    }

    private static SentencePiece piece(String text, float score, SentencePiece.Type type) {
        return SentencePiece.newBuilder()
                .setPiece(text)
                .setScore(score)
                .setType(type)
                .build();
    }
}
