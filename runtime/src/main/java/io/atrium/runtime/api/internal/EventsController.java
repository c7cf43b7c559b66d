package io.atrium.runtime.api.internal;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.identity.Role;
import io.atrium.runtime.process.start.PlatformEvents;
import io.atrium.runtime.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The platform event API: raise an event that starts processes or wakes waiting ones. */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Raise platform events that start processes or reach waiting ones")
class EventsController {

    private final PlatformEvents events;
    private final Actors actors;

    EventsController(PlatformEvents events, Actors actors) {
        this.events = events;
        this.actors = actors;
    }

    @PostMapping
    @Operation(operationId = "raiseEvent", summary = "Raise an event",
            description = "Body: {\"name\": \"customer.first-message\", \"id\": \"unique per event\", "
                    + "\"key\": \"correlation key (defaults to the id)\", \"variables\": {…}}. "
                    + "Answers 202; raising the same id again answers 200 with outcome REPEATED and does nothing.")
    ResponseEntity<Map<String, Object>> raise(@RequestBody JsonNode body, Authentication auth) {
        var actor = actors.of(auth);
        if (!actor.has(Role.ADMIN) && !actor.has(Role.DEVELOPER) && !actor.has(Role.ANALYST)) {
            throw new AccessDeniedException(actor.username() + " may not raise events");
        }
        JsonInput.object(body, "");
        String name = JsonInput.text(body, "name", "name", 200, null);
        String id = JsonInput.text(body, "id", "id", 200, null);
        String key = JsonInput.text(body, "key", "key", 200, null);
        var outcome = events.raise(name, key, id, ProcessJson.variables(body));
        return ResponseEntity.status(outcome == PlatformEvents.Outcome.RAISED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(Map.of("id", id, "outcome", outcome.name().toLowerCase(Locale.ROOT)));
    }
}
