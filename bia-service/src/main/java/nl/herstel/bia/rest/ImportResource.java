package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.AddAssetIdentifier;
import nl.herstel.bia.api.BiaCommands.IdentifierOutcome;
import nl.herstel.bia.api.BiaCommands.NewIdentifier;
import nl.herstel.bia.api.BiaQueries;
import nl.herstel.bia.api.BiaQueries.ListAssets;
import nl.herstel.bia.query.AssetView;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.Problem.FieldError;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk loading of what a CMDB export already knows: the identifiers SOC tools name assets by. The
 * counterpart of the CSV export; each row is added on its own, so one bad row does not stop the
 * others, as with a batch of alerts.
 */
@Path("/import")
@RequestScoped
@Tag(name = "Export")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BCM_MANAGER)
public class ImportResource {
  /** The most rows one import may hold. */
  static final int MAX_ROWS = 10_000;

  @Inject CommandGateway commands;
  @Inject QueryGateway queries;

  /** What an import stored and what it refused, by line number (the header is line 1). */
  public record ImportAnswer(List<ImportedRow> accepted, List<RejectedRow> rejected) {}

  /** A row whose identifier the asset now has; {@code added} false when it had it already. */
  public record ImportedRow(
      int line,
      String assetId,
      String identifierId,
      IdentifierKind kind,
      String value,
      boolean added) {}

  /** A refused row, with every bad field. */
  public record RejectedRow(int line, List<FieldError> errors) {}

  @POST
  @Path("/asset-identifiers.csv")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Operation(
      operationId = "importAssetIdentifiers",
      summary = "Add asset identifiers from CSV",
      description =
          "A header line naming the columns, then one identifier per line: assetId or assetName"
              + " (case ignored), kind (optional: the kind the value looks like), value. The"
              + " export's asset-identifiers.csv imports as it is. Each row is added in its own"
              + " transaction, like POST /assets/{id}/identifiers; a row naming an unknown asset,"
              + " an invalid value or one another asset holds is rejected with its line number"
              + " and the others are stored. At most 10,000 rows.")
  @APIResponse(
      responseCode = "200",
      description = "Which rows were stored and which refused",
      content = @Content(schema = @Schema(implementation = ImportAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "No header with value and assetId or assetName, or more than 10,000 rows",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public ImportAnswer importIdentifiers(String body) {
    List<List<String>> rows = Csv.parse(body == null ? "" : body);
    if (rows.isEmpty()) {
      throw invalid("body", "needs a header line: assetId or assetName, kind, value");
    }
    List<String> header =
        rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int assetIdColumn = header.indexOf("assetid");
    int assetNameColumn = header.indexOf("assetname");
    int kindColumn = header.indexOf("kind");
    int valueColumn = header.indexOf("value");
    if (valueColumn < 0 || assetIdColumn < 0 && assetNameColumn < 0) {
      throw invalid("body", "the header must name value and assetId or assetName");
    }
    if (rows.size() - 1 > MAX_ROWS) {
      throw invalid("body", "holds more than " + MAX_ROWS + " rows; split it");
    }
    Map<String, String> byName = new HashMap<>();
    Map<String, String> byId = new HashMap<>();
    for (AssetView asset :
        queries
            .query(
                new ListAssets(null, BiaQueries.ALL),
                ResponseTypes.multipleInstancesOf(AssetView.class))
            .join()) {
      byId.put(asset.id(), asset.id());
      if ("ACTIVE".equals(asset.status())) {
        byName.put(asset.name().strip().toLowerCase(Locale.ROOT), asset.id());
      }
    }
    List<ImportedRow> accepted = new ArrayList<>();
    List<RejectedRow> rejected = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      int line = i + 1;
      List<String> row = rows.get(i);
      String assetId =
          assetIdColumn >= 0 && !cell(row, assetIdColumn).isEmpty()
              ? byId.get(cell(row, assetIdColumn))
              : byName.get(cell(row, assetNameColumn).toLowerCase(Locale.ROOT));
      if (assetId == null) {
        rejected.add(
            new RejectedRow(
                line,
                List.of(
                    new FieldError(
                        assetIdColumn >= 0 ? "assetId" : "assetName", "no such active asset"))));
        continue;
      }
      IdentifierKind kind;
      try {
        String kindText = kindColumn < 0 ? "" : cell(row, kindColumn);
        kind =
            kindText.isEmpty() ? null : IdentifierKind.valueOf(kindText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        rejected.add(new RejectedRow(line, List.of(new FieldError("kind", "unknown kind"))));
        continue;
      }
      try {
        IdentifierOutcome outcome =
            commands.sendAndWait(
                new AddAssetIdentifier(
                    assetId,
                    new NewIdentifier(UUID.randomUUID().toString(), kind, cell(row, valueColumn))));
        if (outcome.heldBy() != null || outcome.refusal() != null) {
          rejected.add(
              new RejectedRow(
                  line,
                  List.of(
                      new FieldError(
                          "value",
                          outcome.heldBy() != null
                              ? "belongs to asset " + outcome.heldBy()
                              : outcome.refusal()))));
        } else {
          accepted.add(
              new ImportedRow(
                  line,
                  assetId,
                  outcome.identifierId(),
                  outcome.kind(),
                  outcome.value(),
                  outcome.added()));
        }
      } catch (RuleViolation rule) {
        rejected.add(new RejectedRow(line, List.of(new FieldError("value", rule.getMessage()))));
      }
    }
    return new ImportAnswer(accepted, rejected);
  }

  private static String cell(List<String> row, int column) {
    return column < row.size() ? row.get(column).strip() : "";
  }

  private static InvalidRequest invalid(String field, String message) {
    return new InvalidRequest(List.of(new FieldError(field, message)));
  }

  /** RFC 4180 CSV: quoted cells may hold commas, quotes (doubled) and line breaks. */
  static final class Csv {
    private Csv() {}

    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(cell.toString());
          cell.setLength(0);
          if (row.size() > 1 || !row.get(0).isBlank()) {
            rows.add(row);
          }
          row = new ArrayList<>();
        } else {
          cell.append(c);
        }
      }
      row.add(cell.toString());
      if (row.size() > 1 || !row.get(0).isBlank()) {
        rows.add(row);
      }
      return rows;
    }
  }
}
