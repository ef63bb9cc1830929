/** Integration events of recovery plans, published on {@code Topic.PLANS}. */
package nl.herstel.contracts.plans;
