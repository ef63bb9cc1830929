package nl.herstel.bia.query;

import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.bia.api.BiaEvents.AssetDetailsChanged;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierAdded;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierRemoved;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.bia.api.BiaEvents.AssetRetired;
import nl.herstel.bia.api.BiaQueries.FindAsset;
import nl.herstel.bia.api.BiaQueries.ListAssets;
import nl.herstel.bia.query.AssetView.IdentifierView;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The assets of the read model ({@code bia_asset}) with their identifiers ({@code
 * bia_asset_identifier}: host names, addresses, cloud and CMDB ids; see DOMAIN.md) and supplier
 * terms.
 */
@ProcessingGroup(ProcessProjection.READ_MODEL)
public class AssetProjection {
  private final Sql sql;

  public AssetProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(AssetRegistered e, @Timestamp Instant at, @SequenceNumber Long seq) {
    GraphVersion.bump(sql);
    SupplierTerms supplier = e.supplier();
    sql.update(
        "INSERT INTO bia_asset (asset_id, name, kind, description, owner, contract_reference,"
            + " sla_reference, guaranteed_recovery_seconds, status, registered_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)",
        e.assetId(),
        e.name(),
        e.kind().name(),
        e.description(),
        e.owner(),
        supplier == null ? null : supplier.contractReference(),
        supplier == null ? null : supplier.slaReference(),
        supplier == null ? null : Sql.seconds(supplier.guaranteedRecoveryTime()),
        at,
        seq);
  }

  @EventHandler
  void on(AssetDetailsChanged e, @SequenceNumber Long seq) {
    GraphVersion.bump(sql);
    SupplierTerms supplier = e.supplier();
    sql.update(
        "UPDATE bia_asset SET name = ?, kind = ?, description = ?, owner = ?,"
            + " contract_reference = ?, sla_reference = ?, guaranteed_recovery_seconds = ?,"
            + " version = ? WHERE asset_id = ?",
        e.name(),
        e.kind().name(),
        e.description(),
        e.owner(),
        supplier == null ? null : supplier.contractReference(),
        supplier == null ? null : supplier.slaReference(),
        supplier == null ? null : Sql.seconds(supplier.guaranteedRecoveryTime()),
        seq,
        e.assetId());
  }

  @EventHandler
  void on(AssetRetired e, @Timestamp Instant at) {
    GraphVersion.bump(sql);
    sql.update(
        "UPDATE bia_asset SET status = 'RETIRED', retired_at = ?, retirement_reason = ?"
            + " WHERE asset_id = ?",
        at,
        e.reason(),
        e.assetId());
  }

  @EventHandler
  void on(AssetIdentifierAdded e, @Timestamp Instant at, @SequenceNumber Long seq) {
    sql.update(
        "INSERT INTO bia_asset_identifier (asset_id, identifier_id, kind, value, added_at,"
            + " sequence) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.assetId(),
        e.identifierId(),
        e.kind().name(),
        e.value(),
        at,
        seq);
    sql.update("UPDATE bia_asset SET version = ? WHERE asset_id = ?", seq, e.assetId());
  }

  @EventHandler
  void on(AssetIdentifierRemoved e, @SequenceNumber Long seq) {
    sql.update(
        "DELETE FROM bia_asset_identifier WHERE asset_id = ? AND identifier_id = ?",
        e.assetId(),
        e.identifierId());
    sql.update("UPDATE bia_asset SET version = ? WHERE asset_id = ?", seq, e.assetId());
  }

  @QueryHandler
  public Optional<AssetView> find(FindAsset query) {
    return withIdentifiers(
            assets("SELECT * FROM bia_asset WHERE asset_id = ?", query.assetId()),
            "SELECT * FROM bia_asset_identifier WHERE asset_id = ? ORDER BY sequence",
            query.assetId())
        .stream()
        .findFirst();
  }

  @QueryHandler
  public List<AssetView> list(ListAssets query) {
    List<Object> args = new ArrayList<>();
    String after = "";
    if (query.after() != null) {
      args.addAll(Page.parse(query.after(), 2, k -> List.of(k[0], k[1])));
      after = " WHERE (name, asset_id) > (?, ?)";
    }
    args.add(query.limit() + 1);
    List<AssetView> assets =
        assets(
            "SELECT * FROM bia_asset" + after + " ORDER BY name, asset_id LIMIT ?", args.toArray());
    return withIdentifiers(
        assets,
        "SELECT * FROM bia_asset_identifier WHERE asset_id = ANY (?) ORDER BY asset_id, sequence",
        assets.stream().map(AssetView::id).toList());
  }

  /** The sort key of an asset in {@link ListAssets}, for its cursor. */
  public static String key(AssetView asset) {
    return Page.key(asset.name(), asset.id());
  }

  private List<AssetView> withIdentifiers(List<AssetView> assets, String query, Object... args) {
    Map<String, List<IdentifierView>> identifiers = new HashMap<>();
    sql.list(
            query,
            r ->
                Map.entry(
                    r.getString("asset_id"),
                    new IdentifierView(
                        r.getString("identifier_id"),
                        IdentifierKind.valueOf(r.getString("kind")),
                        r.getString("value"))),
            args)
        .forEach(
            e -> identifiers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return assets.stream()
        .map(a -> a.withIdentifiers(identifiers.getOrDefault(a.id(), List.of())))
        .toList();
  }

  private List<AssetView> assets(String query, Object... args) {
    return sql.list(
        query,
        r ->
            new AssetView(
                r.getString("asset_id"),
                r.getString("name"),
                AssetKind.valueOf(r.getString("kind")),
                r.getString("description"),
                r.getString("owner"),
                supplierTerms(r),
                r.getString("status"),
                instant(r, "registered_at"),
                instant(r, "retired_at"),
                r.getString("retirement_reason"),
                r.getLong("version"),
                List.of()),
        args);
  }

  private static SupplierTerms supplierTerms(ResultSet r) throws SQLException {
    SupplierTerms terms =
        new SupplierTerms(
            r.getString("contract_reference"),
            r.getString("sla_reference"),
            duration(r, "guaranteed_recovery_seconds"));
    return terms.equals(new SupplierTerms(null, null, null)) ? null : terms;
  }
}
