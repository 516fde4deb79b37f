package org.feedwerk.models;

import java.io.PrintWriter;
import java.io.Writer;
import org.slf4j.Logger;

/**
 * Download progress for a background pull, where no terminal shows the bar: each finished line (a file done, or
 * already there) goes to the log, without the bar's intermediate redraws.
 */
public final class ProgressLog extends Writer {
    private final Logger log;
    private final StringBuilder line = new StringBuilder();

    private ProgressLog(Logger log) {
        this.log = log;
    }

    public static PrintWriter to(Logger log) {
        return new PrintWriter(new ProgressLog(log), true);
    }

    @Override
    public synchronized void write(char[] characters, int offset, int length) {
        for (int index = offset; index < offset + length; index++) {
            char character = characters[index];
            if (character == '\r') {
                line.setLength(0); // the bar redraws itself; only its last state counts
            } else if (character == '\n') {
                String text = line.toString().strip().replaceAll("\\s{2,}", " ");
                if (!text.isEmpty()) {
                    log.info("model download: {}", text);
                }
                line.setLength(0);
            } else {
                line.append(character);
            }
        }
    }

    @Override
    public void flush() {
        // lines are logged when they end
    }

    @Override
    public void close() {
        flush();
    }
}
