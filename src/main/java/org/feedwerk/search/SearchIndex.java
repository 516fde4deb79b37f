package org.feedwerk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
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
    private static final String PUBLISHED = "published";
    private static final String KEY_ORDER = "key_order";

    /** Longer queries are cut; nobody types more, and a long one is a way to make the server work. */
    static final int LONGEST_QUERY = 200;
    /**
     * The public search box understands words, "phrases", + and -, | and parentheses (Lucene's simple query
     * syntax); no regular expressions, fuzzy or wildcard terms, whose expansion a visitor could make expensive.
     */
    private static final int SYNTAX = SimpleQueryParser.AND_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.WHITESPACE_OPERATOR;

    private final Analyzer analyzer = new LanguageAnalyzers();
    private final IndexWriter writer;
    /** One reader shared by all searches, refreshed after each change of the index. */
    private final SearcherManager searchers;
    /**
     * The chain position indexed for each article and language. A web node hears of a publication twice (from its
     * own publisher and from following the chain); indexing it again would leave a deleted document that shifts
     * the scores, and the nodes of one site must rank alike.
     */
    private final Map<String, Long> indexedPositions = new HashMap<>();
    /** Equal scores are ordered by date, newest first, then by key, so that every node lists them alike. */
    private static final Sort RANKING = new Sort(
            SortField.FIELD_SCORE,
            new SortField(PUBLISHED, SortField.Type.LONG, true),
            new SortField(KEY_ORDER, SortField.Type.STRING));

    public SearchIndex(Path directory) {
        try {
            writer = new IndexWriter(
                    FSDirectory.open(directory),
                    new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + directory, e);
        }
    }

    /** A hit: article id and language. */
    public record Hit(String articleId, String language) {}

    /** The results of one search: the hits on this page and how many there are in all. */
    public record Results(List<Hit> hits, int total) {}

    public void replaceAll(List<Publication> live) {
        change(() -> {
            writer.deleteAll();
            indexedPositions.clear();
            for (Publication publication : live) {
                index(publication);
            }
        });
    }

    @Override
    public void published(Publication publication) {
        change(() -> index(publication));
    }

    @Override
    public void withdrawn(String articleId) {
        change(() -> {
            writer.deleteDocuments(new Term(ARTICLE, articleId));
            indexedPositions.keySet().removeIf(key -> key.startsWith(articleId + "/"));
        });
    }

    private void index(Publication publication) throws IOException {
        String key = key(publication.content());
        Long indexed = indexedPositions.get(key);
        if (indexed != null && indexed >= publication.position()) {
            return; // this version or a newer one is in the index already
        }
        writer.updateDocument(new Term(KEY, key), document(publication.content()));
        indexedPositions.put(key, publication.position());
    }

    /** A change of the index, committed at once; searches see it on their next refresh. */
    private interface Change {
        void apply() throws IOException;
    }

    private synchronized void change(Change change) {
        try {
            change.apply();
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
        Query parsed = parse(text.length() > LONGEST_QUERY ? text.substring(0, LONGEST_QUERY) : text, language);
        if (parsed == null) {
            return new Results(List.of(), 0); // only stop words or operators
        }
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = new BooleanQuery.Builder()
                        .add(parsed, BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term("language", language)), BooleanClause.Occur.FILTER)
                        .build();
                TopDocs top = searcher.search(query, Math.max(1, limit), RANKING);
                List<Hit> hits = new ArrayList<>();
                for (ScoreDoc score : top.scoreDocs) {
                    Document document = searcher.storedFields().document(score.doc);
                    hits.add(new Hit(document.get(ARTICLE), document.get("language")));
                }
                return new Results(hits, (int) Math.min(Integer.MAX_VALUE, top.totalHits.value));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String text, String language) {
        SimpleQueryParser parser = new SimpleQueryParser(
                analyzer,
                Map.of(
                        LanguageAnalyzers.field("headline", language),
                        3f,
                        LanguageAnalyzers.field("teaser", language),
                        2f,
                        LanguageAnalyzers.field("body", language),
                        1f),
                SYNTAX);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(text);
    }

    private static Document document(PublishedContent content) {
        Document document = new Document();
        document.add(new StringField(KEY, key(content), Field.Store.YES));
        document.add(new StringField(ARTICLE, content.articleId(), Field.Store.YES));
        document.add(new StringField("language", content.language(), Field.Store.YES));
        Instant dated = content.firstPublishedAt() != null ? content.firstPublishedAt() : content.publishedAt();
        document.add(new NumericDocValuesField(PUBLISHED, dated == null ? 0 : dated.toEpochMilli()));
        document.add(new SortedDocValuesField(KEY_ORDER, new BytesRef(key(content))));
        String language = content.language();
        document.add(new TextField(LanguageAnalyzers.field("headline", language), content.headline(), Field.Store.NO));
        if (content.teaser() != null) {
            document.add(new TextField(LanguageAnalyzers.field("teaser", language), content.teaser(), Field.Store.NO));
        }
        document.add(new TextField(
                LanguageAnalyzers.field("body", language), ArticleHtml.plainText(content.bodyHtml()), Field.Store.NO));
        return document;
    }

    private static String key(PublishedContent content) {
        return content.articleId() + "/" + content.language();
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
