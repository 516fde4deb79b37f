package org.feedwerk.parse;

import java.util.List;

/** A NewsML-G2 packageItem: its guid, headline and the guids of the items it groups, in order. */
public record ItemPackage(String guid, String headline, List<String> itemGuids) {
    public ItemPackage {
        itemGuids = List.copyOf(itemGuids);
    }
}
