package org.feedwerk.parse;

/** Publication status an item carries at its source; RSS and Atom items are always usable. */
public enum PubStatus {
    USABLE,
    WITHHELD,
    CANCELED
}
