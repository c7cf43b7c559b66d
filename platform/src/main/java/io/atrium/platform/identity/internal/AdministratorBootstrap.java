package io.atrium.platform.identity.internal;

import io.atrium.platform.identity.InvalidAccountException;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator on an installation that has none. The password comes from
 * {@code ATRIUM_ADMIN_PASSWORD}, or is generated and printed once; there is no default password.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserDirectory users;
    private final String configuredPassword;
    private final SecureRandom random = new SecureRandom();

    AdministratorBootstrap(UserDirectory users,
            @Value("${ATRIUM_ADMIN_PASSWORD:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfMissing();
    }

    /** Returns true if this call created the administrator. */
    boolean createIfMissing() {
        if (users.anyWithRole(Role.ADMIN)) {
            return false;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        try {
            users.create(USERNAME, "Administrator", password, Set.of(Role.ADMIN));
        } catch (UserDirectory.UsernameTakenException raced) {
            return false; // another node created it at the same moment
        } catch (InvalidAccountException weak) {
            // the same password policy as for every other account; the value itself is never logged
            throw new IllegalStateException("ATRIUM_ADMIN_PASSWORD is not accepted: " + weak.getMessage(), weak);
        }
        if (generated) {
            // Printed once, on purpose: this is the only way to learn the generated password.
            log.warn("""

                    ==================================================================
                     Created the administrator account.
                       username: {}
                       password: {}
                     This password is shown only once: store it safely. To choose it
                     yourself, set ATRIUM_ADMIN_PASSWORD before the first start.
                    ==================================================================""",
                    USERNAME, password);
        } else {
            log.info("Created the administrator account '{}' with the password from ATRIUM_ADMIN_PASSWORD",
                    USERNAME);
        }
        return true;
    }

    private String randomPassword() {
        var sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
