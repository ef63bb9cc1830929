/** Integration events of the business impact analysis (BIA), published on {@code Topic.BIA}. */
package nl.herstel.contracts.bia;
