package nl.herstel.contracts.bia;

/**
 * How a SOC tool may name an asset besides its business name: the kinds of asset identifier the BIA
 * keeps (see {@link AssetIdentifiers} for the form each takes).
 */
public enum IdentifierKind {
  /** A host name of one label, e.g. {@code db-payments-01}. */
  HOSTNAME,
  /** A fully qualified domain name, e.g. {@code db-payments-01.prod.example.nl}. */
  FQDN,
  /** One IPv4 or IPv6 address. */
  IP_ADDRESS,
  /** An IPv4 or IPv6 network in CIDR notation, e.g. {@code 10.20.0.0/16}. */
  CIDR,
  /** A cloud resource id: an AWS ARN, an Azure resource id or a Google Cloud self-link. */
  CLOUD_RESOURCE_ID,
  /** The asset's id in a configuration management database. */
  CMDB_ID,
  /** Any other name people or tools use for the asset. */
  ALIAS
}
