package dev.crm.app.axon;

import dev.crm.api.user.AuthenticatedUser;
import dev.crm.app.web.RequestIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command with the acting user and the request id, taken from the calling thread (the HTTP
 * request). Commands sent outside a request (start-up) are stamped as the system. Metadata a sender set
 * explicitly wins.
 */
@Component
class ActorMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String ACTOR_ID = "actorId";
    static final String ACTOR_NAME = "actorName";
    static final String REQUEST_ID = "requestId";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Map<String, Object> actor = currentActor();
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>(actor);
            added.keySet().removeAll(command.getMetaData().keySet());
            return added.isEmpty() ? command : command.andMetaData(MetaData.from(added));
        };
    }

    private static Map<String, Object> currentActor() {
        Map<String, Object> actor = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            actor.put(ACTOR_ID, user.userId());
            actor.put(ACTOR_NAME, user.name());
        } else {
            actor.put(ACTOR_ID, "system");
            actor.put(ACTOR_NAME, "system");
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            actor.put(REQUEST_ID, requestId);
        }
        return actor;
    }
}
