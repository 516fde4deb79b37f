package org.feedwerk.config;

/** Where the HTTP server listens. Bound to loopback unless configured otherwise. */
public record ServerConfig(String host, Integer port) {
    public ServerConfig {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 8080 : port;
    }

    static ServerConfig defaults() {
        return new ServerConfig(null, null);
    }
}
