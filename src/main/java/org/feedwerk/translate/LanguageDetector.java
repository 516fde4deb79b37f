package org.feedwerk.translate;

import java.util.Optional;

/** Recognizes the language of a text, or says nothing when it is not sure. */
public interface LanguageDetector {
    /** The ISO 639-1 code of the language, when the detector is confident. */
    Optional<String> detect(String text);
}
