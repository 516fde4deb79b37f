package org.feedwerk.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** How this process names itself in leases: host, process id and a random part (pids repeat across restarts). */
public final class ProcessIdentity {
    private static final String CURRENT = host() + ":" + ProcessHandle.current().pid() + ":"
            + UUID.randomUUID().toString().substring(0, 8);

    private ProcessIdentity() {}

    public static String current() {
        return CURRENT;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
