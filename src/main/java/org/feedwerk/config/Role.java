package org.feedwerk.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What one Feedwerk process does. Any number of processes with any mix of roles may share one PostgreSQL; with
 * SQLite one process does everything.
 */
public enum Role {
    /** Polls sources and drop folders and stores what they bring. */
    FETCH,
    /** Claims fetched articles and runs the engines. */
    TRANSLATE,
    /** Appends translated articles to the publication chain (and takes withheld ones off the site). */
    PUBLISH,
    /** Serves the site, feeds, search, API and console. */
    WEB;

    public static final Set<Role> ALL = Set.copyOf(EnumSet.allOf(Role.class));

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The roles named in {@code names} ("fetch", "web", …); throws with the valid names on an unknown one. */
    public static Set<Role> parse(Iterable<String> names) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            Role role = null;
            for (Role candidate : values()) {
                if (candidate.key().equals(key)) {
                    role = candidate;
                }
            }
            if (role == null) {
                throw new IllegalArgumentException(
                        "unknown role '" + name.strip() + "' (roles are fetch, translate, publish, web)");
            }
            roles.add(role);
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role is needed (fetch, translate, publish, web)");
        }
        return Set.copyOf(roles);
    }
}
