package nl.herstel.incidents.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.herstel.incidents.api.IncidentCategory;
import nl.herstel.incidents.api.IncidentEvents.ActivatedPlan;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.UnresolvedAssetResolved;
import nl.herstel.incidents.api.RecoveryCommands.AlertKey;
import nl.herstel.incidents.api.RecoveryCommands.AlertPart;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.platform.domain.RuleViolation;

/**
 * What the {@link Incident} remembers for its recovery: its category, whether it merged into
 * another, and per alert what that alert brought (so a split can take it along). Plain state,
 * assigned only by the incident's event sourcing handlers; it is part of snapshots.
 */
class RecoveryState {
  String mergedInto;
  IncidentCategory category;
  final List<ActivatedPlan> activatedPlans = new ArrayList<>();
  String openingAlert;
  Instant disruptedAt;
  final Map<String, AlertPart> alerts = new LinkedHashMap<>();
  final Map<String, AssetRef> assets = new LinkedHashMap<>();
  final List<String> unresolvedAssets = new ArrayList<>();
  final Map<String, AffectedProcess> processes = new LinkedHashMap<>();

  /** Alerts split off into another incident, by alert key: the incident they went to. */
  final Map<String, String> departed = new LinkedHashMap<>();

  String mergedInto() {
    return mergedInto;
  }

  static String key(String source, String sourceId) {
    return source.toLowerCase(Locale.ROOT) + "\u0000" + sourceId;
  }

  void opened(IncidentOpened e) {
    openingAlert = key(e.source(), e.sourceId());
    disruptedAt = e.disruptedAt();
    add(
        new AlertPart(
            e.source(),
            e.sourceId(),
            e.title(),
            e.severity(),
            e.disruptedAt(),
            e.assets(),
            e.unresolvedAssets(),
            e.affectedProcesses()));
  }

  void correlated(AlertCorrelated e) {
    add(
        new AlertPart(
            e.source(),
            e.sourceId(),
            e.title(),
            e.severity(),
            e.detectedAt(),
            e.newAssets(),
            e.newUnresolvedAssets(),
            e.newAffectedProcesses()));
  }

  /** Opens from parts: the first alert names the incident. */
  void openedFrom(IncidentParts parts) {
    AlertPart first = parts.alerts().get(0);
    openingAlert = key(first.source(), first.sourceId());
    disruptedAt = parts.disruptedAt();
    parts.alerts().forEach(this::add);
  }

  void add(AlertPart part) {
    departed.remove(key(part.source(), part.sourceId()));
    alerts.put(key(part.source(), part.sourceId()), part);
    part.assets().forEach(a -> assets.putIfAbsent(a.assetId(), a));
    part.unresolvedAssets().stream()
        .filter(n -> !unresolvedAssets.contains(n))
        .forEach(unresolvedAssets::add);
    part.affectedProcesses().forEach(p -> processes.putIfAbsent(p.processId(), p));
  }

  /**
   * A hint became an asset: the alerts that named it are credited with the asset instead, the first
   * of them with the processes it brought.
   */
  void resolved(UnresolvedAssetResolved e) {
    unresolvedAssets.removeIf(n -> n.equalsIgnoreCase(e.hint()));
    assets.putIfAbsent(e.asset().assetId(), e.asset());
    e.newAffectedProcesses().forEach(p -> processes.putIfAbsent(p.processId(), p));
    boolean first = true;
    for (Map.Entry<String, AlertPart> entry : alerts.entrySet()) {
      AlertPart part = entry.getValue();
      if (part.unresolvedAssets().stream().noneMatch(n -> n.equalsIgnoreCase(e.hint()))) {
        continue;
      }
      List<AssetRef> partAssets = new ArrayList<>(part.assets());
      partAssets.add(e.asset());
      List<AffectedProcess> partProcesses = new ArrayList<>(part.affectedProcesses());
      if (first) {
        partProcesses.addAll(e.newAffectedProcesses());
        first = false;
      }
      entry.setValue(
          new AlertPart(
              part.source(),
              part.sourceId(),
              part.title(),
              part.severity(),
              part.detectedAt(),
              partAssets,
              part.unresolvedAssets().stream().filter(n -> !n.equalsIgnoreCase(e.hint())).toList(),
              partProcesses));
    }
  }

  /**
   * Everything this incident holds, as alerts with what each brought: what another incident takes
   * when it absorbs this one. Assets, names and processes no remaining alert is credited with (the
   * alert that brought them was split off while they stayed) are credited to the opening alert.
   */
  IncidentParts everything() {
    List<AssetRef> creditedAssets = new ArrayList<>();
    List<String> creditedNames = new ArrayList<>();
    List<String> creditedProcesses = new ArrayList<>();
    alerts
        .values()
        .forEach(
            a -> {
              creditedAssets.addAll(a.assets());
              creditedNames.addAll(a.unresolvedAssets());
              a.affectedProcesses().forEach(p -> creditedProcesses.add(p.processId()));
            });
    List<AlertPart> parts = new ArrayList<>();
    for (Map.Entry<String, AlertPart> entry : alerts.entrySet()) {
      AlertPart part = entry.getValue();
      if (entry.getKey().equals(openingAlert)) {
        List<AssetRef> ownAssets = new ArrayList<>(part.assets());
        assets.values().stream().filter(a -> !creditedAssets.contains(a)).forEach(ownAssets::add);
        List<String> ownNames = new ArrayList<>(part.unresolvedAssets());
        unresolvedAssets.stream().filter(n -> !creditedNames.contains(n)).forEach(ownNames::add);
        List<AffectedProcess> ownProcesses = new ArrayList<>(part.affectedProcesses());
        processes.values().stream()
            .filter(p -> !creditedProcesses.contains(p.processId()))
            .forEach(ownProcesses::add);
        part =
            new AlertPart(
                part.source(),
                part.sourceId(),
                part.title(),
                part.severity(),
                part.detectedAt(),
                ownAssets,
                ownNames,
                ownProcesses);
      }
      parts.add(part);
    }
    return new IncidentParts(disruptedAt, parts);
  }

  /** The parts, less what this incident already has: what absorbing them adds. */
  IncidentParts newTo(IncidentParts parts) {
    List<AlertPart> fresh = new ArrayList<>();
    Set<String> seenAssets = new java.util.HashSet<>(assets.keySet());
    Set<String> seenNames = new java.util.HashSet<>(unresolvedAssets);
    Set<String> seenProcesses = new java.util.HashSet<>(processes.keySet());
    for (AlertPart part : parts.alerts()) {
      if (alerts.containsKey(key(part.source(), part.sourceId()))) {
        continue;
      }
      fresh.add(
          new AlertPart(
              part.source(),
              part.sourceId(),
              part.title(),
              part.severity(),
              part.detectedAt(),
              part.assets().stream().filter(a -> seenAssets.add(a.assetId())).toList(),
              part.unresolvedAssets().stream().filter(seenNames::add).toList(),
              part.affectedProcesses().stream()
                  .filter(p -> seenProcesses.add(p.processId()))
                  .toList()));
    }
    return new IncidentParts(parts.disruptedAt(), fresh);
  }

  /**
   * Alerts leave; what they brought stays here too (it may be named by alerts that stay, which were
   * not credited with it), so the incident's impact never shrinks by a split.
   */
  void removeAlerts(IncidentParts parts, String to) {
    parts.alerts().forEach(a -> alerts.remove(key(a.source(), a.sourceId())));
    parts.alerts().forEach(a -> departed.put(key(a.source(), a.sourceId()), to));
  }

  /**
   * What alerts split off into a new incident take: each must be one of this incident's alerts,
   * named once, and not the alert that opened it (that one names this incident). The new incident's
   * disruption begins with the earliest detection among them; its processes' deadlines run from
   * there.
   */
  IncidentParts splitOff(List<AlertKey> named) {
    List<AlertPart> moving = new java.util.ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < named.size(); i++) {
      AlertKey alert = named.get(i);
      String key = key(alert.source(), alert.sourceId());
      String field = "alerts[" + i + "]";
      if (!seen.add(key)) {
        throw new RuleViolation(field, "The alert is named more than once");
      }
      if (key.equals(openingAlert)) {
        throw new RuleViolation(field, "The alert that opened the incident stays with it");
      }
      AlertPart part = alerts.get(key);
      if (part == null) {
        throw new RuleViolation(
            field,
            "Alert " + alert.source() + "/" + alert.sourceId() + " is not one of this incident's");
      }
      moving.add(part);
    }
    Instant from = moving.stream().map(AlertPart::detectedAt).min(Instant::compareTo).orElseThrow();
    List<AlertPart> rebased =
        moving.stream()
            .map(
                a ->
                    new AlertPart(
                        a.source(),
                        a.sourceId(),
                        a.title(),
                        a.severity(),
                        a.detectedAt(),
                        a.assets(),
                        a.unresolvedAssets(),
                        a.affectedProcesses().stream()
                            .map(
                                p ->
                                    new AffectedProcess(
                                        p.processId(),
                                        p.name(),
                                        p.rto(),
                                        p.mtpd(),
                                        from.plus(p.rto()),
                                        from.plus(p.mtpd())))
                            .toList()))
            .toList();
    return new IncidentParts(from, rebased);
  }
}
