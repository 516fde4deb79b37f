package org.feedwerk.config;

import java.util.List;

/**
 * Where the HTTP server listens (bound to loopback unless configured otherwise) and how many threads serve it: a
 * small pool keeps a few cores busy with requests instead of switching between idle threads. Requests from a
 * {@code trustedProxies} address (a reverse proxy) are attributed to the client named in X-Forwarded-For.
 */
public record ServerConfig(String host, Integer port, Integer maxThreads, List<String> trustedProxies) {
    public ServerConfig {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 8080 : port;
        maxThreads = maxThreads == null ? 32 : maxThreads;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    public ServerConfig(String host, Integer port) {
        this(host, port, null, null);
    }

    static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null);
    }
}
