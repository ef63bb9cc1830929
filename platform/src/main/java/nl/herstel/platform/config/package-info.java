/** Typed MicroProfile Config: one class per concern, every key with a default. */
package nl.herstel.platform.config;
