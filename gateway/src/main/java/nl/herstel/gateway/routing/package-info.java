/** Routing: forwarding /api/{service}/** to the service that owns it. */
package nl.herstel.gateway.routing;
