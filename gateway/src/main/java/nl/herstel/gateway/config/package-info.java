/** The gateway's configuration: where each route goes. */
package nl.herstel.gateway.config;
