package dev.crm.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a JSON request body read by {@link RequestBodyConverter}: its components are the writable
 * fields; {@code readOnly} names the fields a client may have copied from a record it read (such as {@code id}),
 * refused as read-only rather than as unknown.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WriteRequest {

    String[] readOnly() default {};
}
