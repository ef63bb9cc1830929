/** Integration events of lessons learned after incidents, published on {@code Topic.LESSONS}. */
package nl.herstel.contracts.lessons;
