package dev.crm.query.sql;

import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.Versioned;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list as it was at an instant ({@link PageQuery#asOf}), from the record table's versions
 * ({@code <table>_version}, one row per version, valid from its {@code updated_at} until {@code valid_to}): the
 * versions valid then are filtered, counted and ordered as the records are now.
 * <p>
 * What keeps it fast: a record's versions share its {@code created_at}, so an ordering's index walked from the
 * instant down skips the other versions inside the index; with no filter but on the creation time, the count
 * and a page in creation order are the live table's own, merged with the deleted records valid then for those
 * who see deleted records (their versions have an index of their own). An exact count of a counted
 * filter (none, or one equality, as for the live list) comes from the hourly counts of the versions
 * ({@code row_count} by {@code hour}: +1 where a version began, -1 where it ended) up to the instant's hour,
 * plus the versions that began and less those that ended within that hour up to the instant; a member, who does
 * not see records deleted since, also loses those of them valid then. Any other filter counts the versions
 * valid then. A text search reads the versions closed since and the live table, each through its trigram
 * index ({@link #search}).
 */
final class PagedVersions<T> {

    private final PagedSql<T> sql;
    private final String versions;

    PagedVersions(PagedSql<T> sql) {
        this.sql = sql;
        this.versions = sql.table() + "_version";
    }

    Page<T> run(NamedParameterJdbcTemplate jdbc, SqlWhere where, PageQuery page, Optional<String> countKey) {
        boolean withDeleted = DeletedRecords.visible();
        Instant asOf = page.asOf();
        MapSqlParameterSource params = new MapSqlParameterSource(where.params().getValues())
                .addValue("asOf", Timestamp.from(asOf))
                .addValue("withDeleted", withDeleted)
                .addValue("hour", Timestamp.from(asOf.truncatedTo(ChronoUnit.HOURS)));
        String order = sql.orderColumns().get(page.orderBy());
        if (where.searchTextTerm().isPresent()) {
            return search(jdbc, where, page, params, order, withDeleted);
        }
        boolean creationOrder = order.equals("t.created_at");
        // A version valid at T began by T and ends after it. A record created after T has none, but saying so
        // bounds the walk of the creation order's index (a record's versions share its created_at).
        String valid = "t.updated_at <= :asOf AND t.valid_to > :asOf" + (withDeleted ? "" : " AND NOT t.deleted")
                + (creationOrder ? " AND t.created_at <= :asOf" : "");
        // A record created by T existed at T unless it was deleted by then; a live one was not. With no filter
        // but on the creation time, the records of the list as of T are the live ones created by T and, for
        // those who see deleted records, the deleted ones whose version then was valid: the live table's index
        // answers for the first (no superseded version to step over), the deleted versions' index for the
        // others, and a page in creation order merges the two. (Not for a counted filter in another order: its
        // count comes from the hourly counts, its page from the versions.)
        boolean live = (countKey.isEmpty() || creationOrder) && where.onlyBounds("t.created_at");
        String liveRecords = "FROM read_model." + sql.table() + " t" + where.sql("t.created_at <= :asOf");
        // The records deleted since that were valid at T; the creation bound (implied by the version's start)
        // is the range of their index.
        String deletedRecords = from() + where.sql("t.deleted AND t.created_at <= :asOf AND t.updated_at <= :asOf"
                + " AND t.valid_to > :asOf");
        long count;
        if (live && countKey.isEmpty()) {
            count = jdbc.queryForObject("SELECT (SELECT count(*) " + liveRecords + ")"
                    + (withDeleted ? " + (SELECT count(*) " + deletedRecords + ")" : ""), params, Long.class);
        } else {
            count = count(jdbc, where, params, valid, withDeleted ? null : deletedRecords, countKey);
        }
        if (count <= page.offset()) {
            return new Page<>(count, List.of());
        }
        Slice slice = Slice.of(page, count);
        params.addValue("limit", slice.limit()).addValue("offset", slice.offset());
        String direction = slice.direction(page.descending());
        String ids;
        if (live && creationOrder && !withDeleted) {
            ids = "SELECT t.id " + liveRecords + " ORDER BY t.created_at" + direction + ", t.id" + direction
                    + " LIMIT :limit OFFSET :offset";
        } else if (live && creationOrder) {
            // The first offset + limit of each kind in order, merged: the page is among them. (Without the
            // limits PostgreSQL sorts every record created by T instead of merging the two index scans.)
            params.addValue("end", slice.offset() + slice.limit());
            String first = " ORDER BY t.created_at" + direction + ", t.id" + direction + " LIMIT :end";
            ids = "SELECT r.id FROM ((SELECT t.id, t.created_at " + liveRecords + first + ") UNION ALL"
                    + " (SELECT t.id, t.created_at " + deletedRecords + first + ")) r"
                    + " ORDER BY r.created_at" + direction + ", r.id" + direction + " LIMIT :limit OFFSET :offset";
        } else {
            ids = "SELECT t.id " + from() + where.sql(valid) + " ORDER BY " + order + direction + ", t.id"
                    + direction + " LIMIT :limit OFFSET :offset";
        }
        return new Page<>(count, jdbc.query(rows("unnest(ARRAY(" + ids + ")) WITH ORDINALITY AS k(id, n)",
                slice.pageOrder()), params, sql.rows()));
    }

    /**
     * A text search as of T, in one pass over its matches: the versions closed since that were valid at T, found
     * by the trigram index of the closed versions (which a create, whose version is current, adds nothing to),
     * and the live records whose current version began by T, found by the live table's (a current version is
     * the live row as it is). Every deleted record's versions are closed: its deletion closed the last one.
     */
    private Page<T> search(NamedParameterJdbcTemplate jdbc, SqlWhere where, PageQuery page,
                           MapSqlParameterSource params, String order, boolean withDeleted) {
        String select = "SELECT t.id, " + order + " AS sort_key ";
        String matches = "(" + select + from() + where.sql("t.valid_to <> 'infinity' AND t.updated_at <= :asOf"
                + " AND t.valid_to > :asOf" + (withDeleted ? "" : " AND NOT t.deleted"))
                + " UNION ALL " + select + "FROM read_model." + sql.table() + " t" + where.sql("t.updated_at <= :asOf")
                + ") k";
        OnePass found = OnePass.of(jdbc, matches, params, page);
        if (found.isEmpty()) {
            // Past the last match, or none: no row to carry the count.
            Long count = jdbc.queryForObject("SELECT count(*) FROM " + matches, params, Long.class);
            return new Page<>(count == null ? 0 : count, List.of());
        }
        params.addValue("ids", found.idArray());
        return new Page<>(found.total(), jdbc.query(
                rows("unnest(:ids::text[]) WITH ORDINALITY AS k(id, n)", " ASC"), params, sql.rows()));
    }

    /** {@code hiddenDeleted}: the deleted records valid then, which the caller does not see; null if none. */
    private long count(NamedParameterJdbcTemplate jdbc, SqlWhere where, MapSqlParameterSource params, String valid,
                       String hiddenDeleted, Optional<String> countKey) {
        String statement;
        if (countKey.isPresent()) {
            params.addValue("countTable", versions).addValue("countKey", countKey.get());
            statement = "SELECT (SELECT coalesce(sum(n), 0) FROM read_model.row_count WHERE table_name = :countTable"
                    + " AND key = :countKey AND hour < :hour)"
                    + " + (SELECT count(*) " + from() + where.sql("t.updated_at >= :hour AND t.updated_at <= :asOf")
                    + ")"
                    + " - (SELECT count(*) " + from() + where.sql("t.valid_to >= :hour AND t.valid_to <= :asOf") + ")"
                    + (hiddenDeleted == null ? "" : " - (SELECT count(*) " + hiddenDeleted + ")");
        } else {
            statement = "SELECT count(*) " + from() + where.sql(valid);
        }
        Long count = jdbc.queryForObject(statement, params, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * One record as it was at {@code asOf}: empty before it was created, after it was deleted, and when it is
     * deleted now for a caller who does not see deleted records.
     */
    Optional<Versioned<T>> find(NamedParameterJdbcTemplate jdbc, String id, Instant asOf) {
        return jdbc.query(rows("unnest(ARRAY[:id]) WITH ORDINALITY AS k(id, n)", " ASC"), new MapSqlParameterSource()
                        .addValue("id", id).addValue("asOf", Timestamp.from(asOf))
                        .addValue("withDeleted", DeletedRecords.visible()),
                (rs, n) -> new Versioned<>(sql.rows().mapRow(rs, n), rs.getLong("version"))).stream().findFirst();
    }

    /**
     * The select's rows, each the version valid at {@code :asOf} of a record whose id {@code keys} yields (a
     * FROM item that names it {@code k.id}, in the order of {@code k.n}: {@code " ASC"}, or the opposite), found by
     * the primary key.
     */
    private String rows(String keys, String order) {
        return Rows.byIds(sql.select(), sql.table(), keys, "SELECT * FROM read_model." + versions
                + " r WHERE r.id = k.id AND r.updated_at <= :asOf AND r.valid_to > :asOf"
                + " AND (:withDeleted OR NOT r.deleted) ORDER BY r.updated_at DESC LIMIT 1") + " ORDER BY k.n" + order;
    }

    private String from() {
        return "FROM read_model." + versions + " t";
    }
}
