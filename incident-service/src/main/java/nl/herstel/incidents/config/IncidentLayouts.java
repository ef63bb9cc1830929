package nl.herstel.incidents.config;

import static nl.herstel.platform.axon.EventLayout.absent;
import static nl.herstel.platform.axon.EventLayout.fill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.IncidentClosed;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.platform.axon.EventLayout;

/**
 * How incident events stored before they had a revision (all of them, until revision 1) read in
 * their current layout. Each fills only what is missing, since an unrevised event may have any of
 * the layouts its class had:
 *
 * <ul>
 *   <li>{@code IncidentOpened}: {@code raw} null (no vendor payload was kept), {@code
 *       alertUpdatedAt} the disruption (the facts the incident was opened with were the alert's at
 *       its disruption; a later version of the alert is newer than that), {@code correlationKey}
 *       null (keys did not exist), and each affected process's {@code rpo} null (not copied then).
 *   <li>{@code AlertCorrelated}: {@code correlationKey} null; {@code alertUnresolvedAssets} the
 *       hints it added ({@code newUnresolvedAssets}): the ones of its hints the event kept.
 *   <li>{@code IncidentClosed}: {@code category} null (not recorded), {@code activatedPlans} none
 *       recorded, each restoration's {@code dataRestoredTo} and {@code rpo} null (not recorded).
 * </ul>
 */
public final class IncidentLayouts {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private IncidentLayouts() {}

  public static List<EventLayout> all() {
    return List.of(
        EventLayout.unrevised(IncidentOpened.class, IncidentLayouts::opened),
        EventLayout.unrevised(AlertCorrelated.class, IncidentLayouts::correlated),
        EventLayout.unrevised(IncidentClosed.class, IncidentLayouts::closed));
  }

  static void opened(ObjectNode event) {
    absent(event, "raw");
    fill(event, "alertUpdatedAt", event.path("disruptedAt").deepCopy());
    absent(event, "correlationKey");
    each(event.path("affectedProcesses"), process -> absent(process, "rpo"));
  }

  static void correlated(ObjectNode event) {
    absent(event, "correlationKey");
    JsonNode added = event.path("newUnresolvedAssets");
    fill(event, "alertUnresolvedAssets", added.isArray() ? added.deepCopy() : JSON.arrayNode());
  }

  static void closed(ObjectNode event) {
    absent(event, "category");
    fill(event, "activatedPlans", JSON.arrayNode());
    each(
        event.path("restorations"),
        restoration -> {
          absent(restoration, "dataRestoredTo");
          absent(restoration, "rpo");
        });
  }

  private static void each(JsonNode array, java.util.function.Consumer<ObjectNode> change) {
    array.forEach(
        element -> {
          if (element instanceof ObjectNode object) {
            change.accept(object);
          }
        });
  }
}
