package dev.crm.query.admin;

import dev.crm.api.common.ConflictException;
import org.axonframework.config.ProcessingGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives a database that predates the versions tables its records' versions: a record table with rows and no
 * versions is rebuilt from the events once, in the background, after start-up (the live tables keep serving
 * meanwhile; until it is done, reads as of an instant do not see those records). A new database, whose
 * versions are kept from its first event, never needs it.
 */
@Component
class VersionsBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(VersionsBackfill.class);

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final Projections projections;

    VersionsBackfill(ApplicationContext context, JdbcTemplate jdbc, Projections projections) {
        this.context = context;
        this.jdbc = jdbc;
        this.projections = projections;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        for (Object bean : context.getBeansOfType(RecordProjection.class).values()) {
            RecordFold fold = ((RecordProjection) bean).folds().get(0);
            boolean missing = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT FROM read_model."
                    + fold.table() + ") AND NOT EXISTS (SELECT FROM read_model." + fold.versions() + ")",
                    Boolean.class));
            if (missing) {
                String group = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class)
                        .value();
                LOG.info("The {} table has no versions yet: rebuilding the {} projection to give it them",
                        fold.table(), group);
                try {
                    projections.rebuild(group);
                } catch (ConflictException e) {
                    LOG.info("Not rebuilding {} now: {}", group, e.getMessage());
                }
            }
        }
    }
}
