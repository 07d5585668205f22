package dev.crm.query.sql;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Where the live lists' statements run: a pool of its own whose connections plan generically
 * ({@code plan_cache_mode=force_generic_plan}), once per statement and connection, instead of for each
 * request's values. A page's statements have the same shape whatever their values (an index walk, seeks over
 * kept counts, the page's rows by id), so planning each time bought nothing and cost about 0.5 ms of
 * PostgreSQL's CPU per statement, as much as running it; PostgreSQL, left to choose, kept planning (its
 * estimate for a deep page's generic plan is too pessimistic). At a million contacts under 8 clients the lists
 * answered 1.3 to 2 times as many requests per second (README, Lists). Every other statement keeps the main
 * pool and PostgreSQL's choice: the lists as of an instant must (generic plans made them ten to a hundred
 * times slower, their best plan depends on the instant), and the rebuilds', the exports' and the writes' were
 * not measured with them. Setting the mode per page instead ({@code SET LOCAL} in a transaction) cost two
 * round trips, which lost the gain. The lists read committed rows only, as they did on any pooled connection.
 * <p>
 * These connections also run no parallel workers ({@code max_parallel_workers_per_gather=0}). A generic plan is
 * made without the page's size, which PostgreSQL then guesses at 500 rows: for a first page filtered by a tag it
 * planned two workers to walk the creation index, and starting them cost 5 ms for a page that one process
 * reads in 0.25 ms. Under 8 clients that list answered 231-250 requests/s with them and 1,166-1,228 without
 * (p99 74-78 ms against 16-17 ms); the other lists were unchanged. Each page reads a few index entries and rows,
 * which a second process cannot share, and on a busy server it would only take a CPU from another request.
 */
@Component
public class ListReads {

    /** The qualifier of the pool's {@code DataSource}. */
    public static final String POOL = "lists";

    private final NamedParameterJdbcTemplate jdbc;

    ListReads(@Qualifier(POOL) DataSource lists) {
        this.jdbc = new NamedParameterJdbcTemplate(lists);
    }

    /** The statements of live lists run here. */
    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }
}
