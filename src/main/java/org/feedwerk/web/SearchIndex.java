package org.feedwerk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationListener;
import org.feedwerk.publish.PublishedContent;

/**
 * Full-text search over the live version of every published article, with German analysis (stemming, umlauts:
 * "Hafenbehörde" finds "Hafenbehörden"). Kept under {@code dataDir/search}; updated on every publication and
 * withdrawal, and rebuilt from the store at start-up, so it never holds what the site no longer shows.
 */
public final class SearchIndex implements PublicationListener, AutoCloseable {
    private static final String KEY = "key";
    private static final String ARTICLE = "article";

    private final Analyzer analyzer = new GermanAnalyzer();
    private final IndexWriter writer;

    public SearchIndex(Path directory) {
        try {
            writer = new IndexWriter(FSDirectory.open(directory),
                    new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + directory, e);
        }
    }

    /** A hit: article id and language. */
    public record Hit(String articleId, String language) {}

    /** The results of one search: the hits on this page and how many there are in all. */
    public record Results(List<Hit> hits, int total) {}

    public synchronized void replaceAll(List<Publication> live) {
        try {
            writer.deleteAll();
            for (Publication publication : live) {
                writer.updateDocument(new Term(KEY, key(publication.content())), document(publication.content()));
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void published(Publication publication) {
        try {
            writer.updateDocument(new Term(KEY, key(publication.content())), document(publication.content()));
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void withdrawn(String articleId) {
        try {
            writer.deleteDocuments(new Term(ARTICLE, articleId));
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live articles in {@code language} matching {@code text}, best first. */
    public Results search(String text, String language, int limit) {
        if (text == null || text.isBlank()) {
            return new Results(List.of(), 0);
        }
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query query = new BooleanQuery.Builder()
                    .add(parse(text), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("language", language)), BooleanClause.Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(query, limit);
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc score : top.scoreDocs) {
                Document document = searcher.storedFields().document(score.doc);
                hits.add(new Hit(document.get(ARTICLE), document.get("language")));
            }
            return new Results(hits, (int) Math.min(Integer.MAX_VALUE, top.totalHits.value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String text) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"headline", "teaser", "body"}, analyzer,
                java.util.Map.of("headline", 3f, "teaser", 2f, "body", 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException again) {
                throw new IllegalArgumentException("unsearchable query", again);
            }
        }
    }

    private static Document document(PublishedContent content) {
        Document document = new Document();
        document.add(new StringField(KEY, key(content), Field.Store.YES));
        document.add(new StringField(ARTICLE, content.articleId(), Field.Store.YES));
        document.add(new StringField("language", content.language(), Field.Store.YES));
        document.add(new TextField("headline", content.headline(), Field.Store.NO));
        if (content.teaser() != null) {
            document.add(new TextField("teaser", content.teaser(), Field.Store.NO));
        }
        document.add(new TextField("body", ArticleHtml.plainText(content.bodyHtml()), Field.Store.NO));
        return document;
    }

    private static String key(PublishedContent content) {
        return content.articleId() + "/" + content.language();
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
