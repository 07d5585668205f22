package dev.crm.query.report;

import dev.crm.api.common.IdType;
import dev.crm.api.contact.ContactStage;
import dev.crm.api.lead.LeadStatus;
import dev.crm.api.opportunity.OpportunityStage;
import dev.crm.query.admin.StreamingPositions;
import dev.crm.query.sql.DeletedRecords;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysts' reports, computed from the report projections' tables. Those run on tracking (streaming)
 * processors, unlike the read models ({@code axon.eventhandling.processors.<group>.*} in the application
 * properties): they may lag behind writes by a moment, so every answer says up to which position of the
 * event store it is computed; they keep that position in the JDBC token store and are rebuilt from the
 * store into new tables while the old ones keep answering; and an event their handlers fail on is parked in
 * the dead-letter queue, with the rest of its record's events, instead of failing the write that caused it.
 */
@Component
class Reports {

    static final String STAGE_DURATIONS = "stage-durations";
    static final String LEAD_FUNNEL = "lead-funnel";

    private final NamedParameterJdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final StreamingPositions positions;

    Reports(NamedParameterJdbcTemplate jdbc, EventProcessingConfiguration processing, StreamingPositions positions) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.positions = positions;
    }

    StageDurations stageDurations(IdType entity) {
        long position = position(STAGE_DURATIONS);
        Map<String, StageDurations.Stage> found = new HashMap<>();
        jdbc.query("""
                SELECT stage, count(*) AS entered, count(left_at) AS left_count,
                       avg(extract(epoch FROM left_at - entered_at))::float8 AS mean,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered_at)::float8) AS median
                  FROM read_model.report_stage_visit WHERE entity_type = :type GROUP BY stage""",
                Map.of("type", entity.entityType()), rs -> {
                    found.put(rs.getString("stage"), new StageDurations.Stage(rs.getString("stage"),
                            rs.getLong("entered"), rs.getLong("left_count"), rs.getObject("mean", Double.class),
                            rs.getObject("median", Double.class)));
                });
        List<StageDurations.Stage> stages = stagesOf(entity).stream()
                .map(s -> found.getOrDefault(s, new StageDurations.Stage(s, 0, 0, null, null))).toList();
        return new StageDurations(entity.entityType(), position, stages);
    }

    LeadFunnel leadFunnel(Instant from, Instant to) {
        long position = position(LEAD_FUNNEL);
        MapSqlParameterSource window = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("created_at >= :from");
            window.addValue("from", Timestamp.from(from));
        }
        if (to != null) {
            conditions.add("created_at < :to");
            window.addValue("to", Timestamp.from(to));
        }
        String inWindow = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Map<String, Long> reached = new LinkedHashMap<>();
        for (LeadStatus status : LeadStatus.values()) {
            reached.put(status.toString(), 0L);
        }
        jdbc.query("SELECT s, count(*) AS n FROM read_model.report_lead, unnest(reached) s" + inWindow
                + " GROUP BY s", window, rs -> {
                    reached.put(rs.getString("s"), rs.getLong("n"));
                });
        return jdbc.queryForObject("""
                SELECT count(*) AS created, count(converted_at) AS converted,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM converted_at - created_at)::float8)
                           AS median
                  FROM read_model.report_lead""" + inWindow, window, (rs, n) -> {
            long created = rs.getLong("created");
            long converted = rs.getLong("converted");
            return new LeadFunnel(from, to, position, created, reached, converted,
                    created == 0 ? null : (double) converted / created, (Double) rs.getObject("median", Double.class));
        });
    }

    /**
     * How many records were in each stage at each of {@code points} (ascending), from the hourly counts of the
     * versions (see {@code PagedVersions}): a boundary is at the start of an hour, so the count at it is the sum
     * of the hours before it, corrected by the versions that began or ended at that very instant. A caller who
     * does not see deleted records does not count those deleted since either.
     */
    StageCounts stageCounts(IdType entity, String interval, List<Instant> points) {
        List<String> stages = stagesOf(entity);
        long[][] counts = new long[stages.size()][points.size()];
        String versions = entity.entityType() + "_version";
        String column = entity == IdType.LEAD ? "status" : "stage";
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("points", points.stream().map(Timestamp::from).toArray(Timestamp[]::new))
                .addValue("table", versions).addValue("prefix", column + "=").addValue("skip", column.length() + 2);
        if (!points.isEmpty()) {
            params.addValue("last", Timestamp.from(points.get(points.size() - 1)));
            // An hour counts at every boundary after it: from the first boundary past it on.
            jdbc.query("""
                    SELECT substr(key, :skip) AS stage, width_bucket(hour, :points::timestamptz[]) AS first, sum(n) AS n
                      FROM read_model.row_count
                     WHERE table_name = :table AND starts_with(key, :prefix) AND hour < :last
                     GROUP BY 1, 2""", params, rs -> {
                int stage = stages.indexOf(rs.getString("stage"));
                for (int point = rs.getInt("first"); stage >= 0 && point < points.size(); point++) {
                    counts[stage][point] += rs.getLong("n");
                }
            });
            String deletedSince = DeletedRecords.visible() ? "" : """
                    UNION ALL
                    SELECT v.%1$s, p.i, -1 FROM points p JOIN read_model.%2$s v
                        ON v.deleted AND v.updated_at <= p.at AND v.valid_to > p.at""".formatted(column, versions);
            jdbc.query("""
                    WITH points AS (SELECT * FROM unnest(:points::timestamptz[]) WITH ORDINALITY AS p(at, i))
                    SELECT stage, point, sum(n) AS n FROM (
                        SELECT v.%1$s AS stage, p.i AS point, 1 AS n FROM points p
                          JOIN read_model.%2$s v ON v.updated_at = p.at
                        UNION ALL
                        SELECT v.%1$s, p.i, -1 FROM points p
                          JOIN read_model.%2$s v ON v.valid_to = p.at AND v.valid_to <> 'infinity'
                        %3$s) c
                     GROUP BY stage, point""".formatted(column, versions, deletedSince), params, rs -> {
                int stage = stages.indexOf(rs.getString("stage"));
                if (stage >= 0) {
                    counts[stage][rs.getInt("point") - 1] += rs.getLong("n");
                }
            });
        }
        Long position = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry",
                Map.of(), Long.class);
        List<StageCounts.Point> answer = new ArrayList<>();
        for (int point = 0; point < points.size(); point++) {
            Map<String, Long> byStage = new LinkedHashMap<>();
            for (int stage = 0; stage < stages.size(); stage++) {
                byStage.put(stages.get(stage), counts[stage][point]);
            }
            answer.add(new StageCounts.Point(points.get(point), byStage));
        }
        return new StageCounts(entity.entityType(), interval, position == null ? 0 : position, answer);
    }

    private static List<String> stagesOf(IdType entity) {
        Class<? extends Enum<?>> type = switch (entity) {
            case CONTACT -> ContactStage.class;
            case LEAD -> LeadStatus.class;
            case OPPORTUNITY -> OpportunityStage.class;
            default -> throw new IllegalArgumentException("no stages for " + entity);
        };
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }

    private long position(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).map(positions::of).orElse(0L);
    }
}
