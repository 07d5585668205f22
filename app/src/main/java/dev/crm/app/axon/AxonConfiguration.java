package dev.crm.app.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.time.Duration;

/** How Axon runs here: processors, error handling, serialization and what metadata travels with messages. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * Read models are subscribing projections by default: they run inside the command's transaction, so a
     * write's response and every read after it see the write. A projection that fails must roll the command
     * back (Axon's default only logs), hence the propagating error handler. The report projections, which
     * may lag, are tracking processors with a dead-letter queue instead (see application.properties).
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

    /**
     * Axon's default query bus wraps every query in a transaction of its own: a BEGIN/COMMIT round trip
     * for each read, the token lookup of every request included. Queries only read; one asked inside a
     * command (conversion, deletion) still joins that command's transaction through the thread-bound
     * connection. Otherwise this is Axon's default bus.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /**
     * Axon's JDBC event storage as its auto-configuration builds it, but appending each transaction's events
     * as one batch at its commit (see {@link BatchingEventStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver duplicates,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon,
                                          ConnectionProvider connections, TransactionManager transactions,
                                          EventSchema schema) {
        return new BatchingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(duplicates)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema));
    }

    /**
     * The event stream of the report projections (named as their {@code source} in application.properties):
     * read in batches of up to a thousand events, at most every {@code crm.reports.read-interval} while caught
     * up, instead of one small batch per few events.
     */
    @Bean
    StreamableMessageSource<TrackedEventMessage<?>> reportEvents(EventStorageEngine storage,
            @Value("${crm.reports.read-interval:250ms}") Duration interval) {
        return new PolledEventSource(storage, interval, 1000);
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
