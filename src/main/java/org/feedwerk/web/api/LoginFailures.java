package org.feedwerk.web.api;

import java.time.Instant;
import java.util.List;

/** Wrong admin tokens per client address, shared by every web process (implemented in {@code store}). */
public interface LoginFailures {
    void record(String client, Instant at);

    /** The client's failures after {@code since}, oldest first. */
    List<Instant> since(String client, Instant since);

    void clear(String client);

    /** Forgets every failure at or before {@code before}. */
    void forgetBefore(Instant before);
}
