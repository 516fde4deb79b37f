import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's time to store 10,000 revisions with news-length bodies (~3.5 KB of HTML, past its compression
 * threshold) into a table compressing bodies with pglz (the default) and with lz4 (migration V14), by COPY as the
 * ingestor writes them, best of five each, in the same run and database.
 *
 * <p>Run: {@code java -cp "target/feedwerk.jar:target/lib/*" bench/BodyCompression.java JDBC_URL USER PASSWORD}
 */
public class BodyCompression {
    static final int ROWS = 10_000;

    public static void main(String[] args) throws Exception {
        String csv = rows();
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args.length > 2 ? args[2] : null);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_body_pglz, bench_body_lz4");
            for (String table : new String[] {"bench_body_pglz", "bench_body_lz4"}) {
                statement.execute("CREATE TABLE " + table + " (article_id VARCHAR(32), number INTEGER, "
                        + "content_hash VARCHAR(64), headline TEXT, body_html TEXT, PRIMARY KEY (article_id, number))");
            }
            statement.execute("ALTER TABLE bench_body_pglz ALTER COLUMN body_html SET COMPRESSION pglz");
            statement.execute("ALTER TABLE bench_body_lz4 ALTER COLUMN body_html SET COMPRESSION lz4");
            double pglz = Double.MAX_VALUE;
            double lz4 = Double.MAX_VALUE;
            for (int round = 0; round < 6; round++) { // the first round warms up and is not counted
                double thisPglz = copy(connection, statement, "bench_body_pglz", csv);
                double thisLz4 = copy(connection, statement, "bench_body_lz4", csv);
                if (round > 0) {
                    pglz = Math.min(pglz, thisPglz);
                    lz4 = Math.min(lz4, thisLz4);
                }
            }
            System.out.printf("%d revisions, bodies %.1f KB on average%n", ROWS, csv.length() / 1024.0 / ROWS);
            System.out.printf("COPY with pglz: %.3f s%nCOPY with lz4:  %.3f s%n", pglz, lz4);
            System.out.printf("ratio lz4 / pglz time: %.2f%n", lz4 / pglz);
            statement.execute("DROP TABLE bench_body_pglz, bench_body_lz4");
        }
    }

    static double copy(Connection connection, Statement statement, String table, String csv) throws Exception {
        statement.execute("TRUNCATE " + table);
        long start = System.nanoTime();
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", new StringReader(csv));
        return (System.nanoTime() - start) / 1e9;
    }

    /** Made-up words from syllables, as in the ingest benchmark: a large vocabulary, like news text. */
    static String rows() {
        String[] syllables = ("har bour fer ry coun cil bud get sta tion ri ver mar ket mu se um li bra win ter "
                        + "port al de bate vo ter sum mit")
                .split(" ");
        String[] common = "the of and to in on for with at by from that".split(" ");
        Random random = new Random(14);
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < ROWS; row++) {
            StringBuilder body = new StringBuilder();
            for (int paragraph = 0; paragraph < 6; paragraph++) {
                body.append("<p>");
                for (int word = 0; word < 90; word++) {
                    if (random.nextInt(3) == 0) {
                        body.append(common[random.nextInt(common.length)]);
                    } else {
                        for (int syllable = 2 + random.nextInt(2); syllable > 0; syllable--) {
                            body.append(syllables[random.nextInt(syllables.length)]);
                        }
                    }
                    body.append(word % 12 == 11 ? ". " : " ");
                }
                body.append("</p>");
            }
            csv.append(String.format("%032x", row))
                    .append(",1,")
                    .append(String.format("%064x", row * 31L))
                    .append(",\"Headline ")
                    .append(row)
                    .append("\",\"")
                    .append(body)
                    .append("\"\n");
        }
        return csv.toString();
    }
}
