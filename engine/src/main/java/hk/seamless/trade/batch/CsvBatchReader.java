package hk.seamless.trade.batch;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an RFC 4180 CSV batch file (UTF-8, comma separated, header row of dotted field names).
 * See {@code batch/README.md} for the format as told to shippers.
 */
public final class CsvBatchReader implements BatchReader {

    private final int maxRows;

    /** @param maxRows the most data rows a file may hold; more is a {@link BatchFormatException} */
    public CsvBatchReader(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    @Override
    public List<BatchRow> read(byte[] file) {
        Tokenizer csv = new Tokenizer(Utf8.decode(file, "save it as UTF-8 (\"CSV UTF-8\" in Excel)"));
        List<String> cells = new ArrayList<>();
        if (!nextNonBlank(csv, cells)) {
            throw new BatchFormatException(
                    "file", "file is empty: the first line must be a header row naming the columns");
        }
        ConsignmentField[] columns = header(csv, cells);

        List<BatchRow> rows = new ArrayList<>();
        while (nextNonBlank(csv, cells)) {
            int rowNumber = rows.size() + 1;
            if (rowNumber > maxRows) {
                // Thrown as soon as the limit is passed, without reading the rest of the file.
                throw new BatchFormatException("file", "file has more than " + maxRows + " rows");
            }
            rows.add(row(rowNumber, columns, cells, csv.recordProblem));
        }
        return rows;
    }

    private static BatchRow row(int rowNumber, ConsignmentField[] columns, List<String> cells, String recordProblem) {
        List<String> problems = new ArrayList<>(2);
        if (cells.size() != columns.length) {
            // Cells cannot be matched to columns safely, so nothing from this row is used.
            problems.add("row has " + cells(cells.size()) + " but the header has " + columns.length);
        }
        if (recordProblem != null) {
            problems.add(recordProblem);
        }
        if (!problems.isEmpty()) {
            return BatchRow.problems(rowNumber, problems);
        }
        JsonObject body = new JsonObject();
        for (int i = 0; i < columns.length; i++) {
            columns[i].putInto(body, cells.get(i));
        }
        return BatchRow.ok(rowNumber, body);
    }

    private static String cells(int n) {
        return n == 1 ? "1 cell" : n + " cells";
    }

    private static ConsignmentField[] header(Tokenizer csv, List<String> cells) {
        if (csv.recordProblem != null) {
            throw new BatchFormatException("header", "header row: " + csv.recordProblem);
        }
        ConsignmentField[] columns = new ConsignmentField[cells.size()];
        for (int i = 0; i < columns.length; i++) {
            String name = cells.get(i).strip();
            if (name.isEmpty()) {
                throw new BatchFormatException(
                        "header", "header column " + (i + 1) + " has no name; remove the empty column");
            }
            ConsignmentField field = ConsignmentField.byPath(name);
            if (field == null) {
                throw new BatchFormatException(
                        "header." + name,
                        "unknown column \"" + name + "\" in the header row (column " + (i + 1)
                                + "); column names are case-sensitive and the known ones are: "
                                + String.join(", ", ConsignmentField.allPaths())
                                + ". The first line of the file must be the header row.");
            }
            for (int j = 0; j < i; j++) {
                if (columns[j] == field) {
                    throw new BatchFormatException(
                            "header." + name,
                            "column \"" + name + "\" appears twice in the header row (columns " + (j + 1) + " and "
                                    + (i + 1) + ")");
                }
            }
            columns[i] = field;
        }
        return columns;
    }

    /** Skips blank lines and rows whose cells are all empty (spreadsheets leave such rows). */
    private static boolean nextNonBlank(Tokenizer csv, List<String> cells) {
        while (csv.next(cells)) {
            for (String cell : cells) {
                if (!cell.isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A hand-written RFC 4180 state machine: one pass, no regex, one StringBuilder reused for
     * every quoted cell, so 10,000 rows take milliseconds.
     */
    private static final class Tokenizer {
        private final String s;
        private final int n;
        private final StringBuilder quoted = new StringBuilder();
        private int pos;
        private int line = 1;
        /** A problem in the record last read that spoils the whole row, or null. */
        String recordProblem;

        Tokenizer(String s) {
            this.s = s;
            this.n = s.length();
        }

        /** Reads the next record into {@code cells}; false at end of input. */
        boolean next(List<String> cells) {
            cells.clear();
            recordProblem = null;
            if (pos >= n) {
                return false;
            }
            while (true) {
                cells.add(cell(cells.size() + 1));
                if (pos >= n) {
                    return true; // last record without a trailing newline
                }
                char delimiter = s.charAt(pos++);
                if (delimiter == ',') {
                    continue;
                }
                // A line end: LF, CRLF, or (old Mac) a lone CR.
                if (delimiter == '\r' && pos < n && s.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                return true;
            }
        }

        private String cell(int cellNumber) {
            int start = pos;
            // Spaces before an opening quote are tolerated (`a, "b,c"`), as many writers emit them.
            int p = pos;
            while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
                p++;
            }
            if (p < n && s.charAt(p) == '"') {
                pos = p + 1;
                return quotedCell(cellNumber);
            }
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                pos++; // a stray quote inside an unquoted cell is kept as text, as most readers do
            }
            return s.substring(start, pos);
        }

        private String quotedCell(int cellNumber) {
            int openLine = line;
            quoted.setLength(0);
            while (true) {
                if (pos >= n) {
                    // Whole-file error: everything after the opening quote would be swallowed.
                    throw new BatchFormatException(
                            "file", "a quoted cell opened on line " + openLine + " is never closed");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    if (pos < n && s.charAt(pos) == '"') {
                        quoted.append('"');
                        pos++;
                        continue;
                    }
                    break;
                }
                if (c == '\r' && pos < n && s.charAt(pos) == '\n') {
                    continue; // CRLF inside a cell becomes LF, so addresses do not depend on the writer's OS
                }
                if (c == '\n' || c == '\r') {
                    line++;
                    c = '\n';
                }
                quoted.append(c);
            }
            while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
            if (pos < n && s.charAt(pos) != ',' && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                // `"abc"def` is not CSV; guessing what was meant could shift data, so reject the row.
                if (recordProblem == null) {
                    recordProblem = "cell " + cellNumber + " has text after its closing quote (write a quote"
                            + " inside a quoted cell as \"\")";
                }
                while (pos < n && s.charAt(pos) != ',' && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                    pos++;
                }
            }
            return quoted.toString();
        }
    }
}
