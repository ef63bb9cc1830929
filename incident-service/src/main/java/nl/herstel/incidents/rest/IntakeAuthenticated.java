package nl.herstel.incidents.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the intake resources: they take a bearer token with the role soc-intake or
 * incident-commander, or a per-source API key in {@code X-Api-Key} ({@link IntakeAuthentication}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface IntakeAuthenticated {}
