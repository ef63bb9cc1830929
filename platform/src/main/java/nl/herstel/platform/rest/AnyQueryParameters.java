package nl.herstel.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that passes its query on unread (the gateway's routes): {@link RequestHygiene}
 * leaves its parameters to the service that reads them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnyQueryParameters {}
