package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.herstel.bia.api.BiaQueries;
import nl.herstel.bia.api.BiaQueries.AssetsAsOf;
import nl.herstel.bia.api.BiaQueries.DependenciesAsOf;
import nl.herstel.bia.api.BiaQueries.ListAssets;
import nl.herstel.bia.api.BiaQueries.ListDependencies;
import nl.herstel.bia.api.BiaQueries.ListProcesses;
import nl.herstel.bia.api.BiaQueries.ListThreats;
import nl.herstel.bia.api.BiaQueries.ProcessesAsOf;
import nl.herstel.bia.api.BiaQueries.ThreatsAsOf;
import nl.herstel.bia.query.AssetView;
import nl.herstel.bia.query.DependencyView;
import nl.herstel.bia.query.ProcessView;
import nl.herstel.bia.query.ThreatView;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The whole BIA as one JSON document, or its tables as CSV. */
@Path("/export")
@RequestScoped
@Tag(name = "Export")
public class ExportResource {
  @Inject QueryGateway queries;

  /** The BIA as exported; {@code asOf} is null for the current BIA. */
  public record BiaExport(
      Instant exportedAt,
      Instant asOf,
      List<ProcessView> processes,
      List<AssetView> assets,
      List<DependencyView> dependencies,
      List<ThreatView> threats) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "exportBia",
      summary = "The whole BIA as JSON: processes, assets, dependencies, threats",
      description =
          "asOf (optional, ISO-8601 instant): the whole BIA as it stood at that moment, replayed"
              + " from the event store. The CSV exports take it too.")
  @APIResponse(
      responseCode = "200",
      description = "The BIA",
      content = @Content(schema = @Schema(implementation = BiaExport.class)))
  @APIResponse(responseCode = "422", description = "asOf is not an ISO-8601 instant")
  public BiaExport json(@QueryParam("asOf") String asOf) {
    Instant moment = moment(asOf);
    return new BiaExport(
        Instant.now(),
        moment,
        processes(moment),
        assets(moment),
        dependencies(moment),
        threats(moment));
  }

  @GET
  @Path("/processes.csv")
  @Produces("text/csv")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "exportProcessesCsv",
      summary = "The processes as CSV, one row each, ordered by RTO",
      description =
          "id, name, critical, crownJewel, owner, mtpd, rto, rpo, status, dependsOn (the ids of"
              + " the supporting assets, space-separated); asOf as for the JSON export. Cells a"
              + " spreadsheet would read as a formula start with a quote.")
  @APIResponse(
      responseCode = "200",
      description = "The CSV, one header row",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "422", description = "asOf is not an ISO-8601 instant")
  public Response processesCsv(@QueryParam("asOf") String asOf) {
    return csv(
        "processes.csv",
        "id,name,critical,crownJewel,owner,mtpd,rto,rpo,status,dependsOn",
        processes(moment(asOf)).stream()
            .map(
                p ->
                    Stream.of(
                        p.id(),
                        p.name(),
                        p.critical(),
                        p.crownJewel(),
                        p.owner(),
                        p.mtpd(),
                        p.rto(),
                        p.rpo(),
                        p.status(),
                        String.join(" ", p.supportedBy()))));
  }

  @GET
  @Path("/assets.csv")
  @Produces("text/csv")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "exportAssetsCsv",
      summary = "The assets as CSV",
      description =
          "id, name, kind, description, owner, contractReference, slaReference,"
              + " guaranteedRecoveryTime, status, identifiers (kind:value, space-separated); asOf"
              + " as for the JSON export.")
  @APIResponse(
      responseCode = "200",
      description = "The CSV, one header row",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "422", description = "asOf is not an ISO-8601 instant")
  public Response assetsCsv(@QueryParam("asOf") String asOf) {
    return csv(
        "assets.csv",
        "id,name,kind,description,owner,contractReference,slaReference,guaranteedRecoveryTime,"
            + "status,identifiers",
        assets(moment(asOf)).stream()
            .map(
                a ->
                    Stream.of(
                        a.id(),
                        a.name(),
                        a.kind(),
                        a.description(),
                        a.owner(),
                        a.supplier() == null ? null : a.supplier().contractReference(),
                        a.supplier() == null ? null : a.supplier().slaReference(),
                        a.supplier() == null ? null : a.supplier().guaranteedRecoveryTime(),
                        a.status(),
                        a.identifiers().stream()
                            .map(i -> i.kind() + ":" + i.value())
                            .collect(Collectors.joining(" ")))));
  }

  @GET
  @Path("/asset-identifiers.csv")
  @Produces("text/csv")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "exportAssetIdentifiers",
      summary = "The assets' identifiers as CSV, one per row",
      description =
          "assetId, assetName, identifierId, kind, value (normal form); asOf as for the other"
              + " exports. The same columns (assetName or assetId, kind, value) import through"
              + " POST /import/asset-identifiers.csv.")
  @APIResponse(
      responseCode = "200",
      description = "The CSV",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "422", description = "asOf is not an ISO-8601 instant")
  public Response assetIdentifiersCsv(@QueryParam("asOf") String asOf) {
    return csv(
        "asset-identifiers.csv",
        "assetId,assetName,identifierId,kind,value",
        assets(moment(asOf)).stream()
            .flatMap(
                a ->
                    a.identifiers().stream()
                        .map(
                            i ->
                                Stream.<Object>of(a.id(), a.name(), i.id(), i.kind(), i.value()))));
  }

  @GET
  @Path("/dependencies.csv")
  @Produces("text/csv")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "exportDependenciesCsv",
      summary = "The dependencies as CSV",
      description =
          "id, fromId, fromKind, toId, toKind, alternativeGroup, addedAt; asOf as for the JSON"
              + " export.")
  @APIResponse(
      responseCode = "200",
      description = "The CSV, one header row",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "422", description = "asOf is not an ISO-8601 instant")
  public Response dependenciesCsv(@QueryParam("asOf") String asOf) {
    return csv(
        "dependencies.csv",
        "id,fromId,fromKind,toId,toKind,alternativeGroup,addedAt",
        dependencies(moment(asOf)).stream()
            .map(
                d ->
                    Stream.of(
                        d.id(),
                        d.fromId(),
                        d.fromKind(),
                        d.toId(),
                        d.toKind(),
                        d.alternativeGroup(),
                        d.addedAt())));
  }

  private static Instant moment(String asOf) {
    return asOf == null ? null : Moments.parse("asOf", asOf);
  }

  private static Response csv(String file, String header, Stream<Stream<Object>> rows) {
    String body =
        header
            + "\r\n"
            + rows.map(r -> r.map(ExportResource::cell).collect(Collectors.joining(",")) + "\r\n")
                .collect(Collectors.joining());
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  /** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof Duration d ? d.toString() : value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private List<ProcessView> processes(Instant asOf) {
    Object query =
        asOf == null
            ? new ListProcesses(null, BiaQueries.ALL)
            : new ProcessesAsOf(asOf, null, BiaQueries.ALL);
    return queries.query(query, ResponseTypes.multipleInstancesOf(ProcessView.class)).join();
  }

  private List<AssetView> assets(Instant asOf) {
    Object query =
        asOf == null
            ? new ListAssets(null, BiaQueries.ALL)
            : new AssetsAsOf(asOf, null, BiaQueries.ALL);
    return queries.query(query, ResponseTypes.multipleInstancesOf(AssetView.class)).join();
  }

  private List<DependencyView> dependencies(Instant asOf) {
    Object query =
        asOf == null
            ? new ListDependencies(null, null, BiaQueries.ALL)
            : new DependenciesAsOf(asOf);
    return queries.query(query, ResponseTypes.multipleInstancesOf(DependencyView.class)).join();
  }

  private List<ThreatView> threats(Instant asOf) {
    Object query =
        asOf == null
            ? new ListThreats(null, BiaQueries.ALL)
            : new ThreatsAsOf(asOf, null, BiaQueries.ALL);
    return queries.query(query, ResponseTypes.multipleInstancesOf(ThreatView.class)).join();
  }
}
