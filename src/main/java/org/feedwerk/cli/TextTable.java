package org.feedwerk.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as left-aligned columns; the last column is not padded. */
final class TextTable {
    private TextTable() {}

    static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int column = 0; column < columns - 1; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < columns; column++) {
                String cell = row[column];
                line.append(column < columns - 1 ? String.format("%-" + widths[column] + "s  ", cell) : cell);
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
