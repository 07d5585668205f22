package dev.crm.query.sql;

import dev.crm.api.common.PageQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SliceTest {

    private static PageQuery page(int page, int limit) {
        return new PageQuery(page, limit, "createdAt", true);
    }

    @Test
    void aPageBeforeTheMiddleIsReadFromTheStart() {
        assertThat(Slice.of(page(1, 20), 1_000)).isEqualTo(new Slice(20, 0, false));
        // rows 480-499 of 1,000: as many after the page as before it
        assertThat(Slice.of(page(25, 20), 1_000)).isEqualTo(new Slice(20, 480, false));
    }

    @Test
    void aPagePastTheMiddleIsReadFromTheEnd() {
        // rows 500-519 of 1,000: 480 rows after it
        assertThat(Slice.of(page(26, 20), 1_000)).isEqualTo(new Slice(20, 480, true));
        // the last page of 10,000 rows
        assertThat(Slice.of(page(500, 20), 10_000)).isEqualTo(new Slice(20, 0, true));
    }

    @Test
    void aShortLastPageReadsOnlyTheRowsThereAre() {
        // rows 40-44 of 45
        assertThat(Slice.of(page(5, 10), 45)).isEqualTo(new Slice(5, 0, true));
    }

    @Test
    void readFromTheEndTheOrderIsTurnedRoundAndBack() {
        Slice fromEnd = new Slice(20, 0, true);
        assertThat(fromEnd.direction(true)).isEqualTo(" ASC");
        assertThat(fromEnd.direction(false)).isEqualTo(" DESC");
        assertThat(fromEnd.pageOrder()).isEqualTo(" DESC");
        Slice fromStart = new Slice(20, 0, false);
        assertThat(fromStart.direction(true)).isEqualTo(" DESC");
        assertThat(fromStart.pageOrder()).isEqualTo(" ASC");
    }
}
