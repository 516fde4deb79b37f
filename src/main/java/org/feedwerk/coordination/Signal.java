package org.feedwerk.coordination;

/** Something one stage did that another stage, in this process or another, is waiting for. */
public enum Signal {
    /** New or changed articles were stored: translators look for work. */
    FETCHED,
    /** A translation was stored: publishers look for work. */
    TRANSLATED,
    /** The publication chain or audit log grew (publish, update, withdraw, withhold): web nodes catch up. */
    SITE_CHANGED,
    /** Articles were grouped anew (packages): web nodes drop their rendered pages. */
    REGROUPED
}
