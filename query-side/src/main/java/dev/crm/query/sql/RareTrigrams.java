package dev.crm.query.sql;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The parts of a search term worth asking the trigram index for. A substring search ({@code LIKE '%term%'}) asks
 * the index for every trigram of the term and reads each one's whole list of rows, however common: searching
 * {@code first123} among a million contacts all named {@code First...} read three lists of a million rows each
 * to find 1,111 (30-100 ms), where the term's two rare trigrams alone find 1,131 candidates in under a
 * millisecond. An email domain is the same in real data ({@code gmail.com}). So the index is asked only for
 * the rarest trigrams, as long as each more one saves more rows to check than its list costs to read, and
 * every candidate is then checked against the whole term.
 * <p>
 * How common a trigram is comes from a sample of the table's searched text (about {@link #SAMPLE} rows,
 * taken again after {@link #REFRESH_MILLIS}); a table of fewer than {@link #FROM} rows (by the planner's
 * estimate) is searched as it was, its lists being short anyway. Only trigrams of ASCII letters and digits
 * are chosen: for those the index surely holds the trigram as written, lower-cased; the parts asked for are
 * substrings of the term, lower-cased by the database as the term is, so a row that holds the term holds them.
 */
final class RareTrigrams {

    /**
     * How many rows a table must have for its searches to be narrowed. The system property
     * {@code crm.lists.rare-trigrams-from} sets it (the tests set 0, so that every search goes this way).
     */
    static final long FROM = Long.getLong("crm.lists.rare-trigrams-from", 20_000);
    private static final int SAMPLE = 10_000;
    private static final long REFRESH_MILLIS = 10 * 60_000;
    /**
     * What reading one row of a trigram's list costs, against checking one candidate row (a measured guess:
     * lists are compressed, a candidate is a row read and matched).
     */
    private static final double LIST_ENTRY_COST = 1.0 / 250;
    private static final Map<String, Sample> SAMPLES = new ConcurrentHashMap<>();

    private RareTrigrams() {
    }

    /** A trigram of the term: where it starts in the term, and its text in lower case. */
    private record Gram(int start, String text) {
    }

    /** How many of a table's sampled rows hold each trigram. */
    private record Sample(long takenAt, int rows, Map<String, Integer> rowsWith) {

        double frequency(String gram) {
            return Math.max(0.5, rowsWith.getOrDefault(gram, 0)) / Math.max(1, rows);
        }
    }

    /**
     * The substrings of {@code term} whose trigrams the index should be asked for instead of all the term's, in
     * the term's order; empty when the whole term is as good (a small table, no trigram to leave out).
     */
    static Optional<List<String>> pieces(NamedParameterJdbcTemplate jdbc, String table, String term) {
        if (grams(term).isEmpty()) {
            return Optional.empty();
        }
        return sample(jdbc, table).flatMap(sample -> pieces(term, sample::frequency));
    }

    /**
     * The same, given how common each trigram (lower case) is: the fraction of rows that hold it.
     */
    static Optional<List<String>> pieces(String term, ToDoubleFunction<String> frequency) {
        List<Gram> grams = grams(term);
        if (grams.isEmpty()) {
            return Optional.empty();
        }
        List<Gram> chosen = rarest(grams, frequency);
        if (chosen.stream().map(Gram::text).distinct().count() == grams.stream().map(Gram::text).distinct().count()) {
            return Optional.empty();
        }
        return Optional.of(substrings(term, chosen));
    }

    /** The term's trigrams of ASCII letters and digits, lower-cased. */
    private static List<Gram> grams(String term) {
        List<Gram> grams = new ArrayList<>();
        for (int i = 0; i + 3 <= term.length(); i++) {
            if (asciiAlphanumeric(term.charAt(i)) && asciiAlphanumeric(term.charAt(i + 1))
                    && asciiAlphanumeric(term.charAt(i + 2))) {
                grams.add(new Gram(i, term.substring(i, i + 3).toLowerCase(Locale.ROOT)));
            }
        }
        return grams;
    }

    /**
     * The rarest trigrams first, each next one kept while it cuts the expected candidates by more than its
     * list costs to read (trigrams taken as independent).
     */
    private static List<Gram> rarest(List<Gram> grams, ToDoubleFunction<String> frequencies) {
        List<Gram> byFrequency = new ArrayList<>(grams);
        byFrequency.sort(Comparator.comparingDouble(g -> frequencies.applyAsDouble(g.text())));
        List<Gram> chosen = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        double read = 0;
        double candidates = 1;
        double best = Double.MAX_VALUE;
        for (Gram gram : byFrequency) {
            if (asked.contains(gram.text())) {
                chosen.add(gram); // the same trigram elsewhere in the term: nothing more to read
                continue;
            }
            double frequency = frequencies.applyAsDouble(gram.text());
            double cost = read + frequency * LIST_ENTRY_COST + candidates * frequency;
            if (!chosen.isEmpty() && cost >= best) {
                break;
            }
            asked.add(gram.text());
            chosen.add(gram);
            read += frequency * LIST_ENTRY_COST;
            candidates *= frequency;
            best = cost;
        }
        return chosen;
    }

    /** The chosen trigrams as the fewest substrings of the term that hold them (neighbours merged, once each). */
    private static List<String> substrings(String term, List<Gram> chosen) {
        List<Integer> starts = chosen.stream().map(Gram::start).distinct().sorted().toList();
        List<String> pieces = new ArrayList<>();
        int from = starts.get(0);
        int to = from + 3;
        for (int start : starts.subList(1, starts.size())) {
            if (start <= to - 2) { // overlaps the piece so far by two characters: one longer piece
                to = start + 3;
            } else {
                pieces.add(term.substring(from, to));
                from = start;
                to = start + 3;
            }
        }
        pieces.add(term.substring(from, to));
        return pieces.stream().distinct().toList();
    }

    private static Optional<Sample> sample(NamedParameterJdbcTemplate jdbc, String table) {
        Sample sample = SAMPLES.get(table);
        if (sample == null || System.currentTimeMillis() - sample.takenAt() >= REFRESH_MILLIS) {
            sample = take(jdbc, table);
            SAMPLES.put(table, sample);
        }
        return Optional.of(sample).filter(taken -> taken.rows() > 0);
    }

    /** A sample of the table's rows (whole pages, chosen at random), or none (rows 0) for a small table. */
    private static Sample take(NamedParameterJdbcTemplate jdbc, String table) {
        Double estimate = jdbc.queryForObject("SELECT reltuples::float8 FROM pg_class WHERE oid = :table::regclass",
                Map.of("table", "read_model." + table), Double.class);
        if (FROM > 0 && (estimate == null || estimate < FROM)) {
            return new Sample(System.currentTimeMillis(), 0, Map.of());
        }
        double percent = estimate == null || estimate <= SAMPLE ? 100 : 100.0 * SAMPLE / estimate;
        Map<String, Integer> rowsWith = new HashMap<>();
        int[] rows = {0};
        jdbc.query("SELECT read_model.show_trgm(search_text) AS grams FROM read_model." + table
                + " TABLESAMPLE SYSTEM (:percent::real)", Map.of("percent", percent), rs -> {
            rows[0]++;
            for (String gram : (String[]) rs.getArray("grams").getArray()) {
                rowsWith.merge(gram, 1, Integer::sum);
            }
        });
        return new Sample(System.currentTimeMillis(), rows[0], rowsWith);
    }

    private static boolean asciiAlphanumeric(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
