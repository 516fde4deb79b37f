package org.feedwerk.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A QA report (JSON) in one line: the failed checks with what they found, or "ok". */
final class QaSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QaSummary() {}

    static String of(String report) {
        if (report == null) {
            return "–";
        }
        try {
            List<String> failed = new ArrayList<>();
            for (JsonNode check : JSON.readTree(report).path("checks")) {
                if (!check.path("passed").asBoolean(true)) {
                    failed.add(check.path("check").asText() + ": "
                            + check.path("detail").asText());
                }
            }
            return failed.isEmpty() ? "ok" : String.join("; ", failed);
        } catch (IOException e) {
            return "unreadable report";
        }
    }
}
