package dev.crm.app.privacy;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event store's serializer: Axon's, with personal fields encrypted per person. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    /** Replaces the event serializer Axon would configure (it steps back for a bean of this qualifier). */
    @Bean
    @Qualifier("eventSerializer")
    PersonalDataSerializer eventSerializer(@Qualifier("serializer") Serializer serializer, PersonKeys keys) {
        return new PersonalDataSerializer(serializer, keys);
    }
}
