package org.feedwerk.publish;

/** Told about changes to what is on the site (page cache, search index). */
public interface PublicationListener {
    void published(Publication publication);

    void withdrawn(String articleId);

    /** The source withholds the article for now: it leaves the site like a withdrawn one, but may come back. */
    default void withheld(String articleId) {
        withdrawn(articleId);
    }

    PublicationListener NONE = new PublicationListener() {
        @Override
        public void published(Publication publication) {}

        @Override
        public void withdrawn(String articleId) {}
    };
}
