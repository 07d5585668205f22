package dev.crm.app.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How Axon runs here: processors, error handling, serialization and what metadata travels with messages. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * Read models are subscribing projections: they run inside the command's transaction, so a write's
     * response and every read after it see the write. A projection that fails must roll the command back
     * (Axon's default only logs), hence the propagating error handler for every processing group.
     */
    @Bean
    ConfigurerModule consistentProjections() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /**
     * Axon builds its own Jackson 3 mapper, whose default type validator refuses the {@code @class} ids in
     * Axon's own replay tokens (Axon issue #4160); allow Axon's types.
     */
    @Bean
    Jackson3SerializerCustomizer axonTypesAllowed() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }

    @Bean
    PersistenceExceptionResolver postgresDuplicateKeys() {
        return new PostgresDuplicateKeys();
    }

    /** Axon's gateway, plus a retry of writes that lost a race between instances (see ConcurrentWriteRetry). */
    @Bean
    CommandGateway retryingCommandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConcurrentWriteRetry())
                .build();
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who did it and in which request: copied from every command onto the events it causes. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.ACTOR_ID, ActorMetadata.ACTOR_NAME,
                ActorMetadata.REQUEST_ID);
    }
}
