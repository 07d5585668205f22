package dev.crm.command.web;

import dev.crm.api.common.Patch;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies of the writing endpoints are read by a {@link RequestBodyConverter} whose mapper is the
 * application's, made strict: {@code 5} is no text and {@code "5"} no number, as the API has always answered.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration implements WebMvcConfigurer {

    private final RequestBodyConverter converter;

    RequestBodyConfiguration(JsonMapper jsonMapper) {
        this.converter = new RequestBodyConverter(strict(jsonMapper));
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(converter);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static JsonMapper strict(JsonMapper mapper) {
        return mapper.rebuild()
                .addModule(new SimpleModule("patch").addDeserializer((Class) Patch.class, new PatchDeserializer()))
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .build();
    }
}
