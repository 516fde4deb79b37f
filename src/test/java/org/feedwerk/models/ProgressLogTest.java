package org.feedwerk.models;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProgressLogTest {
    @Test
    void logsEachFinishedLineWithTheBarsLastState() {
        Logger logger = (Logger) LoggerFactory.getLogger("progress-test");
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);

        PrintWriter progress = ProgressLog.to(logger);
        progress.print(ModelDownloader.bar("onnx/encoder_model_quantized.onnx", 10, 100));
        progress.print(ModelDownloader.bar("onnx/encoder_model_quantized.onnx", 100, 100));
        progress.printf("%n");
        progress.printf("  %-42s already there%n", "vocab.json");

        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "model download: onnx/encoder_model_quantized.onnx [##############################] 100% 0.0/0.0 MB",
                        "model download: vocab.json already there");
    }
}
