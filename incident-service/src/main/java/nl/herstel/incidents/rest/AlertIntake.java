package nl.herstel.incidents.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.herstel.incidents.api.IncidentCommands.CorrelateAlert;
import nl.herstel.incidents.api.IncidentCommands.Intake;
import nl.herstel.incidents.api.IncidentCommands.OpenIncident;
import nl.herstel.incidents.api.IncidentCommands.ProcessTargets;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentQueries.FindAffectedProcesses;
import nl.herstel.incidents.api.IncidentQueries.FindCorrelatedIncident;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentByCorrelationKey;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentOfAlert;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.incidents.api.IncidentQueries.ResolveAssets;
import nl.herstel.incidents.config.CorrelationConfig;
import nl.herstel.incidents.intake.Alert;
import nl.herstel.incidents.query.AssetResolution;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Problem.FieldError;
import nl.herstel.platform.rest.RequestValidator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Turns one alert, in whatever format it came, into an incident: resolves its assets through the
 * BIA copy and sends one command, so each alert is stored in its own transaction. For batches, it
 * stores the good alerts and reports each bad one by its index.
 */
@ApplicationScoped
public class AlertIntake {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;
  @Inject CorrelationConfig correlation;
  @Inject IntakeCaller caller;

  /** One item of a batch: how to read it; it may fail like a single request would. */
  @FunctionalInterface
  public interface Item {
    Alert read() throws JsonProcessingException;
  }

  /**
   * What a batch stored and what it refused.
   *
   * @param accepted the stored (or already known) alerts, by their index in the batch
   * @param rejected the refused ones, each with every bad field; nothing of them was stored
   */
  public record BatchAnswer(List<Accepted> accepted, List<Rejected> rejected) {}

  /**
   * An alert of a batch that is stored: the incident it opened or that already had it, the hints no
   * asset matched and what could not be mapped.
   */
  public record Accepted(
      int index,
      String incidentId,
      String status,
      boolean duplicate,
      boolean updated,
      List<String> unresolvedAssets,
      List<String> warnings) {}

  /**
   * What reporting one alert came to.
   *
   * @param intake the incident it opened or joined
   * @param unresolvedAssets the hints no BIA asset matched (they wait in the unresolved queue)
   * @param warnings what could not be mapped, and hints that matched several assets
   */
  public record Reported(Intake intake, List<String> unresolvedAssets, List<String> warnings) {}

  /** An alert of a batch that was refused, with its bad fields relative to the item. */
  public record Rejected(int index, List<FieldError> errors) {}

  /**
   * Opens the incident for {@code alert}, or answers the one it opened before; with what of the
   * alert could not be resolved or mapped.
   */
  public Reported report(Alert alert) {
    validator.check(alert);
    AssetResolution resolution =
        queries
            .query(
                new ResolveAssets(distinctIgnoringCase(alert.assets())),
                ResponseTypes.instanceOf(AssetResolution.class))
            .join();
    List<String> warnings = new ArrayList<>(alert.warnings());
    warnings.addAll(resolution.warnings());
    return new Reported(open(alert, resolution), resolution.unresolved(), warnings);
  }

  private Intake open(Alert alert, AssetResolution resolution) {
    String source = alert.source().strip();
    caller.requireSource(source);
    String sourceId = alert.sourceId().strip();
    List<ProcessTargets> affected =
        queries
            .query(
                new FindAffectedProcesses(
                    resolution.resolved().stream().map(AssetRef::assetId).toList()),
                ResponseTypes.multipleInstancesOf(ProcessTargets.class))
            .join();
    Instant now = Instant.now();
    Instant detectedAt = alert.detectedAt() == null ? now : alert.detectedAt();
    String ownId = IncidentIds.of(source, sourceId);
    String correlationKey = alert.correlationKey();
    Optional<String> joined =
        joinedIncident(ownId, source, sourceId, correlationKey, resolution, detectedAt);
    if (joined.isPresent()) {
      Intake intake =
          commands.sendAndWait(
              new CorrelateAlert(
                  joined.get(),
                  source,
                  sourceId,
                  alert.title().strip(),
                  alert.severity(),
                  detectedAt,
                  resolution.resolved(),
                  resolution.unresolved(),
                  affected,
                  alert.raw(),
                  correlationKey));
      if (intake.incidentId() != null) {
        return intake;
      }
    }
    OpenIncident command =
        new OpenIncident(
            ownId,
            source,
            sourceId,
            alert.title().strip(),
            alert.description(),
            alert.severity(),
            detectedAt,
            now,
            resolution.resolved(),
            resolution.unresolved(),
            affected,
            alert.raw(),
            alert.updatedAt() == null ? now : alert.updatedAt(),
            correlationKey);
    try {
      return commands.sendAndWait(command);
    } catch (ConcurrencyException raced) {
      return commands.sendAndWait(command);
    }
  }

  /**
   * The open incident this alert joins instead of opening its own: the one it joined before, or,
   * for an alert never seen, the open incident that has an alert of the same source with the same
   * correlation key, or else one touching its assets within the correlation window. An alert that
   * opened its own incident stays with it (the event store answers that at once).
   */
  private Optional<String> joinedIncident(
      String ownId,
      String source,
      String sourceId,
      String correlationKey,
      AssetResolution resolution,
      Instant detectedAt) {
    if (queries.query(new IncidentExists(ownId), Boolean.class).join()) {
      return Optional.empty();
    }
    Optional<String> before =
        queries
            .query(
                new FindIncidentOfAlert(source, sourceId),
                ResponseTypes.optionalInstanceOf(String.class))
            .join();
    if (before.isPresent()) {
      return before;
    }
    if (correlationKey != null) {
      Optional<String> sameCase =
          queries
              .query(
                  new FindIncidentByCorrelationKey(source, correlationKey),
                  ResponseTypes.optionalInstanceOf(String.class))
              .join();
      if (sameCase.isPresent()) {
        return sameCase;
      }
    }
    return queries
        .query(
            new FindCorrelatedIncident(
                resolution.resolved().stream().map(AssetRef::assetId).toList(),
                detectedAt,
                correlation.window()),
            ResponseTypes.optionalInstanceOf(String.class))
        .join();
  }

  /**
   * Reports every item in order, each in its own transaction. A client's mistake in one item
   * rejects that item only; a server failure ends the batch (the items before it are stored, and
   * sending the batch again is safe: stored alerts answer as duplicates).
   */
  public BatchAnswer batch(List<Item> items) {
    List<Accepted> accepted = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      try {
        Reported reported = report(items.get(index).read());
        Intake intake = reported.intake();
        accepted.add(
            new Accepted(
                index,
                intake.incidentId(),
                intake.status().name(),
                intake.duplicate(),
                intake.updated(),
                reported.unresolvedAssets(),
                reported.warnings()));
      } catch (InvalidRequest invalid) {
        rejected.add(new Rejected(index, invalid.errors()));
      } catch (RuleViolation rule) {
        rejected.add(
            new Rejected(
                index,
                List.of(
                    new FieldError(
                        rule.field() == null ? "body" : rule.field(), rule.getMessage()))));
      } catch (Conflict conflict) {
        rejected.add(
            new Rejected(index, List.of(new FieldError("sourceId", conflict.getMessage()))));
      } catch (JsonMappingException mapping) {
        rejected.add(
            new Rejected(
                index, List.of(new FieldError(jsonPath(mapping), mapping.getOriginalMessage()))));
      } catch (JsonProcessingException malformed) {
        rejected.add(
            new Rejected(
                index,
                List.of(
                    new FieldError("body", "malformed JSON: " + malformed.getOriginalMessage()))));
      }
    }
    return new BatchAnswer(accepted, rejected);
  }

  /** The field a mapping error names, as the client wrote it: {@code assets[1]}, {@code body}. */
  static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  private static List<String> distinctIgnoringCase(List<String> names) {
    Map<String, String> distinct = new LinkedHashMap<>();
    for (String name : names) {
      String stripped = name.strip();
      distinct.putIfAbsent(stripped.toLowerCase(Locale.ROOT), stripped);
    }
    return List.copyOf(distinct.values());
  }
}
