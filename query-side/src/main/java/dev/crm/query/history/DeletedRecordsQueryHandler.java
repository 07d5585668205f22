package dev.crm.query.history;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.history.DeletedRecord;
import dev.crm.api.history.HistoryQueries.ListDeletedRecords;
import dev.crm.api.privacy.PersonalData;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * Answers {@link ListDeletedRecords} from {@code event_log_record}, which keeps every record's fields as its
 * events left them, deleted ones included. A search reads every deleted record of these types (there is no
 * index on the fields): it is meant for an auditor's look-up, not for a hot path.
 */
@Component
class DeletedRecordsQueryHandler {

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final List<IdType> TYPES = List.of(IdType.CONTACT, IdType.LEAD, IdType.ACCOUNT, IdType.OPPORTUNITY);
    /** An erased value never matches: a person erased cannot be found by what was erased. */
    private static final String[] SEARCHED = Stream.concat(
            Stream.of("firstName", "lastName", "email", "name", "company", "domain").map(DeletedRecordsQueryHandler::kept),
            Stream.of("concat_ws(' ', " + kept("firstName") + ", " + kept("lastName") + ")"))
            .toArray(String[]::new);

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    DeletedRecordsQueryHandler(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static String kept(String field) {
        return "nullif(r.state ->> '" + field + "', '" + PersonalData.ERASED + "')";
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page deletedRecords(ListDeletedRecords query) {
        SqlWhere where = new SqlWhere().search(query.search(), SEARCHED);
        MapSqlParameterSource params = new MapSqlParameterSource(where.params().getValues())
                .addValue("prefixes", TYPES.stream().map(IdType::prefix).toArray(String[]::new))
                .addValue("limit", query.page().limit())
                .addValue("offset", query.page().offset());
        String matches = "SELECT r.entity_id, r.state FROM (SELECT * FROM read_model.event_log_record WHERE deleted"
                + " AND left(entity_id, strpos(entity_id, '_')) = ANY (:prefixes::text[]) OFFSET 0) r" + where.sql();
        // An id is a type's prefix and a ULID: in ULID order is in order of creation, newest first.
        String page = "SELECT m.entity_id, m.state::text AS fields, count(*) OVER () AS total FROM (" + matches
                + ") m ORDER BY substr(m.entity_id, strpos(m.entity_id, '_') + 1) DESC, m.entity_id"
                + " LIMIT :limit OFFSET :offset";
        List<Long> total = new ArrayList<>();
        List<DeletedRecord> records = jdbc.query(page, params, (rs, n) -> {
            total.add(rs.getLong("total"));
            String id = rs.getString("entity_id");
            return new DeletedRecord(typeOf(id), id, json.readValue(rs.getString("fields"), FIELDS));
        });
        if (!total.isEmpty()) {
            return new Page<>(total.get(0), records);
        }
        // a page past the last match has no row to carry the count
        Long count = query.page().offset() == 0 ? Long.valueOf(0)
                : jdbc.queryForObject("SELECT count(*) FROM (" + matches + ") m", params, Long.class);
        return new Page<>(count == null ? 0 : count, records);
    }

    private static String typeOf(String id) {
        return TYPES.stream().filter(t -> id.startsWith(t.prefix())).findFirst().orElseThrow().entityType();
    }
}
