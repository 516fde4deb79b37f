package org.feedwerk.config;

/**
 * Where the HTTP server listens (bound to loopback unless configured otherwise) and how many threads serve it: a
 * small pool keeps a few cores busy with requests instead of switching between idle threads.
 */
public record ServerConfig(String host, Integer port, Integer maxThreads) {
    public ServerConfig {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 8080 : port;
        maxThreads = maxThreads == null ? 32 : maxThreads;
    }

    public ServerConfig(String host, Integer port) {
        this(host, port, null);
    }

    static ServerConfig defaults() {
        return new ServerConfig(null, null, null);
    }
}
