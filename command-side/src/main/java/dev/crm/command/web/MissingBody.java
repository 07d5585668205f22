package dev.crm.command.web;

import dev.crm.api.common.InvalidRequestException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Type;

/**
 * A JSON request without a body where one is required is answered like any other invalid body, on the field
 * {@code body}, rather than as unreadable JSON.
 */
@ControllerAdvice
class MissingBody extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return converterType == RequestBodyConverter.class;
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        RequestBody annotation = parameter.getParameterAnnotation(RequestBody.class);
        if (body == null && annotation != null && annotation.required()) {
            throw new InvalidRequestException("body", "a JSON object is required");
        }
        return body;
    }
}
