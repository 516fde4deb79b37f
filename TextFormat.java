package org.feedwerk.translate;

/** Whether segments sent to an engine are plain text or HTML fragments with inline markup. */
public enum TextFormat {
    PLAIN,
    HTML
}
