package io.atrium.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint that fails the way a bug would, outside the API's own exception handling. */
@RestController
class FailingController {

    @GetMapping("/api/test/failure")
    String fail() {
        throw new IllegalStateException("secret detail of a server fault");
    }
}
