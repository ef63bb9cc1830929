/**
 * The plan bundle, the plan kept at hand offline: rendering (HTML, PDF), OpenPGP signing with the
 * service's key and encryption to a passphrase or a recipient's public key.
 */
package nl.herstel.plans.bundle;
