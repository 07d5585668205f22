package dev.crm.app.web;

import dev.crm.api.common.Versioned;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Controllers answer a single record as {@link Versioned}; the client gets the record as the body and its
 * version as a strong {@code ETag} (the value to send back in {@code If-Match}).
 */
@ControllerAdvice
class VersionedResponseAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof Versioned<?> versioned) {
            response.getHeaders().setETag("\"" + versioned.version() + "\"");
            return versioned.value();
        }
        return body;
    }
}
