package nl.herstel.contracts.bia;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * What a supplier or IT service provider has promised: the contract and service level agreement it
 * is bound by, and the recovery time it guarantees. Held against the RTO the processes depending on
 * it require (DOMAIN.md, BIA step 1: "dependencies across the supply chain").
 *
 * @param contractReference the contract's reference; nullable
 * @param slaReference the service level agreement's reference; nullable
 * @param guaranteedRecoveryTime the recovery time the supplier guarantees; nullable when none is
 *     agreed
 */
public record SupplierTerms(
    String contractReference, String slaReference, Duration guaranteedRecoveryTime) {

  public SupplierTerms {
    guaranteedRecoveryTime =
        guaranteedRecoveryTime == null
            ? null
            : guaranteedRecoveryTime.truncatedTo(ChronoUnit.SECONDS);
  }
}
