/** The metrics every service shares (Prometheus text at /metrics through MicroProfile Metrics). */
package nl.herstel.platform.metrics;
