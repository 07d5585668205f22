package dev.crm.query.sql;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RareTrigramsTest {

    /** Every name starts with First or Last, as in the list benchmark's million contacts. */
    private static final Map<String, Double> BENCHMARK = Map.of(
            "fir", 1.0, "irs", 1.0, "rst", 1.0, "las", 1.0, "ast", 1.0,
            "st1", 0.2, "t12", 0.02, "123", 0.015, "st4", 0.2, "t45", 0.02);

    /** The pieces of {@code term} given these frequencies, any other trigram being in half the rows. */
    private static Optional<List<String>> pieces(String term, Map<String, Double> frequencies) {
        return RareTrigrams.pieces(term, gram -> frequencies.getOrDefault(gram, 0.5));
    }

    @Test
    void theCommonTrigramsAreLeftOutAsLongAsTheRareOnesNarrowTheCandidatesEnough() {
        // 123 and t12 leave one row in 3,300 to check; st1 (one row in five) would cost more to read than it saves.
        assertThat(pieces("first123", BENCHMARK)).contains(List.of("t123"));
        // t45 alone leaves one row in fifty; st4 cuts that to one in 250 for less than those rows cost to check.
        assertThat(pieces("last45", BENCHMARK)).contains(List.of("st45"));
    }

    @Test
    void piecesAreTheTermsOwnSubstringsAsWrittenAndApartWhereTheChosenTrigramsAre() {
        Map<String, Double> frequencies = Map.of("abc", 0.001, "bcx", 0.9, "cxy", 0.9, "xyz", 0.9, "yzd", 0.9,
                "zde", 0.9, "def", 0.002);
        assertThat(pieces("ABcxyzDEF", frequencies)).contains(List.of("ABc", "DEF"));
    }

    @Test
    void aTermWhoseTrigramsAreAllWorthReadingOrThatHasNoneIsAskedForWhole() {
        assertThat(pieces("qzx7", Map.of("qzx", 0.001, "zx7", 0.001))).isEmpty();
        assertThat(pieces("ab", BENCHMARK)).isEmpty();
        assertThat(pieces("a-b-c", BENCHMARK)).isEmpty();
        // Letters beyond ASCII are never chosen: the index may hold them other than as written.
        assertThat(pieces("éèà", BENCHMARK)).isEmpty();
    }

    @Test
    void aTrigramTheTermHoldsTwiceIsAskedForOnce() {
        assertThat(pieces("123x123", Map.of("123", 0.001))).contains(List.of("123"));
    }
}
