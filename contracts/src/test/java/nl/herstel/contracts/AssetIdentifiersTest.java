package nl.herstel.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.herstel.contracts.bia.AssetIdentifiers;
import nl.herstel.contracts.bia.IdentifierKind;
import org.junit.jupiter.api.Test;

class AssetIdentifiersTest {

  @Test
  void namesAreLowerCaseAndStripped() {
    assertThat(AssetIdentifiers.normalize(IdentifierKind.HOSTNAME, " DB-Payments-01 "))
        .isEqualTo("db-payments-01");
    assertThat(AssetIdentifiers.normalize(IdentifierKind.FQDN, "Web01.Prod.Example.NL."))
        .isEqualTo("web01.prod.example.nl");
    assertThat(AssetIdentifiers.normalize(IdentifierKind.ALIAS, "Betaalstraat"))
        .isEqualTo("betaalstraat");
  }

  @Test
  void ipv6IsCompressedAsRfc5952WritesIt() {
    assertThat(AssetIdentifiers.normalize(IdentifierKind.IP_ADDRESS, "2001:DB8:0:0:0:0:0:1"))
        .isEqualTo("2001:db8::1");
    assertThat(AssetIdentifiers.normalize(IdentifierKind.IP_ADDRESS, "2001:0db8:0000:0001::"))
        .isEqualTo("2001:db8:0:1::");
    assertThat(AssetIdentifiers.address("::ffff:10.0.0.1")).isEqualTo("::ffff:a00:1");
    assertThat(AssetIdentifiers.address("010.000.000.001")).isEqualTo("10.0.0.1");
  }

  @Test
  void aCidrMustBeANetworkAddress() {
    assertThat(AssetIdentifiers.normalize(IdentifierKind.CIDR, "10.20.0.0/16"))
        .isEqualTo("10.20.0.0/16");
    assertThat(AssetIdentifiers.normalize(IdentifierKind.CIDR, "2001:DB8::/32"))
        .isEqualTo("2001:db8::/32");
    assertThatThrownBy(() -> AssetIdentifiers.normalize(IdentifierKind.CIDR, "10.20.1.0/16"))
        .hasMessageContaining("/16");
    assertThatThrownBy(() -> AssetIdentifiers.normalize(IdentifierKind.CIDR, "10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsValuesThatAreNotOfTheirKind() {
    assertThatThrownBy(() -> AssetIdentifiers.normalize(IdentifierKind.IP_ADDRESS, "10.0.0.256"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AssetIdentifiers.normalize(IdentifierKind.HOSTNAME, "web01.example"))
        .hasMessageContaining("FQDN");
    assertThatThrownBy(() -> AssetIdentifiers.normalize(IdentifierKind.FQDN, "web01"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AssetIdentifiers.normalize(IdentifierKind.FQDN, "10.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AssetIdentifiers.normalize(IdentifierKind.CLOUD_RESOURCE_ID, "vm1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AssetIdentifiers.normalize(IdentifierKind.CMDB_ID, "  "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsTheThreeCloudsResourceIds() {
    assertThat(
            AssetIdentifiers.normalize(
                IdentifierKind.CLOUD_RESOURCE_ID,
                "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc"))
        .isEqualTo("arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc");
    assertThat(
            AssetIdentifiers.normalize(
                IdentifierKind.CLOUD_RESOURCE_ID,
                "/subscriptions/0000/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/VM1"))
        .isEqualTo(
            "/subscriptions/0000/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm1");
    assertThat(
            AssetIdentifiers.normalize(
                IdentifierKind.CLOUD_RESOURCE_ID,
                "https://www.googleapis.com/compute/v1/projects/p/zones/z/instances/vm-1"))
        .startsWith("https://www.googleapis.com/");
  }

  @Test
  void infersTheKindOfABareValue() {
    assertThat(AssetIdentifiers.infer("10.1.2.3")).isEqualTo(IdentifierKind.IP_ADDRESS);
    assertThat(AssetIdentifiers.infer("fe80::1")).isEqualTo(IdentifierKind.IP_ADDRESS);
    assertThat(AssetIdentifiers.infer("10.1.0.0/16")).isEqualTo(IdentifierKind.CIDR);
    assertThat(AssetIdentifiers.infer("arn:aws:s3:::bucket-1"))
        .isEqualTo(IdentifierKind.CLOUD_RESOURCE_ID);
    assertThat(AssetIdentifiers.infer("web01.example.nl")).isEqualTo(IdentifierKind.FQDN);
    assertThat(AssetIdentifiers.infer("WEB01")).isEqualTo(IdentifierKind.HOSTNAME);
    assertThat(AssetIdentifiers.infer("Payments database")).isEqualTo(IdentifierKind.ALIAS);
  }

  @Test
  void theHostLabelIsTheFirstLabelOfAnFqdn() {
    assertThat(AssetIdentifiers.hostLabel("Web01.Example.nl")).isEqualTo("web01");
    assertThat(AssetIdentifiers.hostLabel("web01")).isNull();
    assertThat(AssetIdentifiers.hostLabel("10.0.0.1")).isNull();
  }
}
