package dev.crm.query.history;

import dev.crm.api.common.EventNames;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /**
     * The searched text, one expression (one match per row): the full name, email, name, company and domain,
     * joined by a control character that no search term holds. An erased value is left out: a person erased
     * is never found by what was erased.
     */
    private static final String SEARCHED = "concat_ws(chr(31), concat_ws(' ', " + kept("firstName") + ", "
            + kept("lastName") + "), " + kept("email") + ", r.state ->> 'name', r.state ->> 'company', "
            + "r.state ->> 'domain')";

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
        SqlWhere where = new SqlWhere().equal("r.deleted", true).search(query.search(), SEARCHED);
        MapSqlParameterSource params = new MapSqlParameterSource(where.params().getValues())
                .addValue("prefixes", TYPES.stream().map(IdType::prefix).toArray(String[]::new))
                .addValue("limit", query.page().limit())
                .addValue("offset", query.page().offset());
        String matches = "SELECT r.entity_id FROM read_model.event_log_record r" + where.sql()
                + " AND left(r.entity_id, strpos(r.entity_id, '_')) = ANY (:prefixes::text[])";
        // The page's ids and the count in one pass over the matches (an id is a type's prefix and a ULID: in
        // ULID order is in order of creation, newest first), then only the page's rows are read whole.
        Map<String, Long> page = new LinkedHashMap<>();
        jdbc.query("SELECT m.entity_id, count(*) OVER () AS total FROM (" + matches + ") m"
                        + " ORDER BY substr(m.entity_id, strpos(m.entity_id, '_') + 1) DESC, m.entity_id"
                        + " LIMIT :limit OFFSET :offset", params,
                rs -> {
                    page.put(rs.getString("entity_id"), rs.getLong("total"));
                });
        if (page.isEmpty()) {
            // a page past the last match has no row to carry the count
            Long count = query.page().offset() == 0 ? Long.valueOf(0)
                    : jdbc.queryForObject("SELECT count(*) FROM (" + matches + ") m", params, Long.class);
            return new Page<>(count == null ? 0 : count, List.of());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.query("SELECT entity_id, state::text AS fields FROM read_model.event_log_record WHERE entity_id = ANY "
                        + "(:ids::text[])", Map.of("ids", page.keySet().toArray(String[]::new)),
                rs -> {
                    fields.put(rs.getString("entity_id"), rs.getString("fields"));
                });
        List<DeletedRecord> records = page.keySet().stream()
                .map(id -> new DeletedRecord(EventNames.recordType(id).orElseThrow().entityType(), id,
                        json.readValue(fields.get(id), FIELDS)))
                .toList();
        return new Page<>(page.values().iterator().next(), records);
    }
}
