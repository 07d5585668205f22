package dev.crm.query.admin;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the beans of a processing group declare for its rebuild: their tables, whether their records are
 * independent, the payload types of their handlers (an upcaster that renames a stored type must add the old
 * name), and a set-based equivalent of their handlers, when they all have one. A {@link RecordProjection}
 * says it all with its fold; any other projection declares its tables with {@link ReadModelTables}.
 */
@Component
class RebuildDeclarations {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildDeclarations.class);

    private final ApplicationContext context;
    private final List<EventUpcaster> upcasters;

    RebuildDeclarations(ApplicationContext context, List<EventUpcaster> upcasters) {
        this.context = context;
        this.upcasters = upcasters;
    }

    ReadModelRebuild.Declaration of(String group) {
        Set<String> tables = new LinkedHashSet<>();
        Set<Class<?>> handledTypes = new LinkedHashSet<>();
        Set<String> eventTypes = new LinkedHashSet<>();
        List<Object> projections = new ArrayList<>();
        List<SetBasedFold> folds = new ArrayList<>();
        boolean independent = true;
        boolean setBased = true;
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ReadModelTables declared = AnnotationUtils.findAnnotation(type, ReadModelTables.class);
            if (!group.equals(AnnotationUtils.findAnnotation(type, ProcessingGroup.class).value())
                    || (declared == null && !(bean instanceof RecordProjection))) {
                continue;
            }
            if (bean instanceof RecordProjection records) {
                tables.addAll(records.folds().get(0).tables()); // each event changes its own record's row only
            } else {
                tables.addAll(List.of(declared.value()));
                independent &= declared.recordsIndependent();
            }
            if (bean instanceof HandledEvents handled) {
                eventTypes.addAll(handled.eventTypes());
            } else {
                ReflectionUtils.doWithMethods(type, method -> handledTypes.add(method.getParameterTypes()[0]),
                        method -> method.isAnnotationPresent(EventHandler.class));
            }
            projections.add(bean);
            if (bean instanceof SetBasedReplay replay) {
                folds.addAll(replay.folds());
            } else {
                setBased = false;
            }
        }
        // Events are records; a handler of anything else (Object, an interface) takes events of many types.
        handledTypes.forEach(handled -> eventTypes.add(handled.getName()));
        List<String> replayed = handledTypes.stream().allMatch(Class::isRecord) ? List.copyOf(eventTypes) : List.of();
        // Folds read the stored payloads as they are: not once an upcaster may change them, and only when
        // they cover exactly what the handlers take (else their events would be lost up to the horizon).
        Set<String> folded = new LinkedHashSet<>();
        folds.forEach(fold -> folded.addAll(fold.eventTypes()));
        Set<String> foldedTables = new LinkedHashSet<>();
        folds.forEach(fold -> foldedTables.addAll(fold.tables()));
        if (setBased && !folds.isEmpty() && (!upcasters.isEmpty() || !folded.equals(new LinkedHashSet<>(replayed))
                || !foldedTables.equals(tables))) {
            LOG.warn("The folds of {} do not match its handlers and tables, or upcasters exist: replaying through"
                    + " the handlers", group);
            setBased = false;
        }
        return new ReadModelRebuild.Declaration(new ArrayList<>(tables), independent, replayed,
                setBased ? folds : List.of(), projections);
    }
}
