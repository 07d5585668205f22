package dev.crm.query.sql;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deep pages of the contacts by lastName and email begin at the range between marks that the kept counts say
 * ({@link RangeSeek}, marks laid by {@link OrderMarks}; the tests lay one every 20 rows). The seek's own
 * statement, run for every slice of the whole list in both directions, must hold exactly the rows a plain
 * {@code OFFSET} query gives, or, where the slice lies among or runs into the contacts without a last name (in no
 * range), fewer, which sends the list back to the plain walk; the counts per range must equal the rows counted
 * into the marks' ranges through creates, renames and deletes, and through the marks' splits. (In this package:
 * the seek's statement is the package's own.)
 */
class RangeSeekTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private OrderMarks marks;
    @Autowired
    private RowCounts counts;

    @Test
    void everySliceOfTheRangesHoldsTheRowsOfItsPositions() {
        Random random = new Random(26);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            // Ties on the name (a dozen names, two spellings of one), and some without a last name.
            String name = i % 9 == 0 ? "\"firstName\": \"Unnamed\""
                    : "\"lastName\": \"%s\"".formatted(i % 10 == 3 ? "mARK" : "Mark" + random.nextInt(12));
            contacts.add(admin.post("/api/contacts/", """
                    {%s, "email": "%s@example.com"}""".formatted(name, Api.unique(i % 2 == 0 ? "a" : "Z")))
                    .expect(201).id());
        }
        assertRangeCountsEqualRows();
        marks.lay();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.order_mark WHERE table_name = 'contact'",
                Long.class)).as("marks laid").isGreaterThanOrEqualTo(2 * (135 / OrderMarks.ROWS - 1));
        assertRangeCountsEqualRows();
        for (int i = 0; i < 30; i++) {
            String id = contacts.get(random.nextInt(contacts.size()));
            if (i % 6 == 5) {
                if (admin.delete("/api/contacts/" + id + "/").status() == 204) {
                    contacts.remove(id);
                }
            } else {
                admin.patch("/api/contacts/" + id + "/", i % 2 == 0 ? "{\"lastName\": \"Renamed%d\"}".formatted(i)
                        : "{\"email\": \"%s@example.com\"}".formatted(Api.unique("moved"))).expect(200);
            }
        }
        assertRangeCountsEqualRows();
        assertSlices();
        counts.compact();
        marks.lay(); // the renames piled some ranges up
        assertRangeCountsEqualRows();
        assertSlices();

        long total = jdbc.queryForObject("SELECT count(*) FROM read_model.contact", Long.class);
        for (String ordering : List.of("lastName", "-lastName", "email", "-email")) {
            String column = ordering.endsWith("lastName") ? "lower(last_name)" : "lower(email)";
            String direction = ordering.startsWith("-") ? " DESC" : " ASC";
            for (long page : new long[] {20, 21, (total - 1) / 7, (total + 6) / 7}) {
                List<String> ids = new ArrayList<>();
                admin.get("/api/contacts/?limit=7&ordering=" + ordering + "&page=" + page).expect(200).json()
                        .get("results").forEach(c -> ids.add(c.get("id").stringValue()));
                assertThat(ids).as("%s page %d", ordering, page).isEqualTo(jdbc.queryForList("SELECT id FROM"
                        + " read_model.contact ORDER BY " + column + direction + ", id" + direction
                        + " LIMIT 7 OFFSET ?", String.class, (page - 1) * 7));
            }
        }
    }

    /** The seek's statement for slices of 7 at every offset of the whole list, both orderings, both directions. */
    private void assertSlices() {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        long total = jdbc.queryForObject("SELECT count(*) FROM read_model.contact", Long.class);
        for (String column : List.of("last_name", "email")) {
            String order = "lower(t." + column + ")";
            RangeSeek seek = new RangeSeek(order, column);
            long keyed = jdbc.queryForObject("SELECT count(" + column + ") FROM read_model.contact", Long.class);
            for (String direction : List.of(" ASC", " DESC")) {
                String ids = seek.ids("contact", direction);
                // Every offset near the ends, where the unkeyed rows and the first and last ranges are; every 11th
                // between (the list holds the other tests' contacts too).
                for (long offset = 0; offset <= total; offset += offset < 120 || total - offset < 120 ? 1 : 11) {
                    List<String> expected = jdbc.queryForList("SELECT t.id FROM read_model.contact t ORDER BY "
                            + order + direction + ", t.id" + direction + " LIMIT 7 OFFSET ?", String.class, offset);
                    List<String> found = named.queryForList(ids, new MapSqlParameterSource("limit", 7L)
                            .addValue("offset", offset).addValue("seekTable", "contact"), String.class);
                    boolean placed = direction.equals(" ASC") ? offset + 7 <= keyed : offset >= total - keyed;
                    if (placed) {
                        assertThat(found).as("%s%s at %d", column, direction, offset).isEqualTo(expected);
                    } else if (direction.equals(" ASC")) {
                        assertThat(found).as("%s%s at %d", column, direction, offset)
                                .isEqualTo(expected.subList(0, Math.min(found.size(), expected.size())));
                    } else {
                        assertThat(found).as("%s%s at %d", column, direction, offset).isEmpty();
                    }
                }
            }
        }
    }

    /** The kept count of each range equals the contacts counted into the marks' ranges as they stand. */
    private void assertRangeCountsEqualRows() {
        String kept = "SELECT key, sum(n) FROM read_model.row_count WHERE table_name = 'contact' "
                + " AND (key LIKE 'last\\_name#%' OR key LIKE 'email#%')"
                + " GROUP BY key HAVING sum(n) <> 0";
        String counted = "SELECT k.key, count(*) FROM read_model.contact r,"
                + " read_model.contact_ranges('contact', r.last_name, r.email, r.id) AS k(key) GROUP BY k.key";
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + counted + ")) d", Long.class))
                .as("range counts").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ((" + counted + ") EXCEPT (" + kept + ")) d", Long.class))
                .as("range counts").isZero();
    }
}
