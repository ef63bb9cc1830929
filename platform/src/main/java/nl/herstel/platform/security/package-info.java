/** Roles and the binding of the authenticated caller to the work it starts. */
package nl.herstel.platform.security;
