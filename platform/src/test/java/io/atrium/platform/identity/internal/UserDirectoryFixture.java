package io.atrium.platform.identity.internal;

import io.atrium.platform.QueryTimeLimit;
import org.junit.jupiter.api.AfterEach;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A user directory on a throwaway MongoDB server, closed after each test. */
abstract class UserDirectoryFixture {

    protected final InMemoryMongo mongo = new InMemoryMongo();
    protected final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    protected final MongoUserDirectory directory = new MongoUserDirectory(mongo.database(), encoder,
            new QueryTimeLimit(QueryTimeLimit.DEFAULT));

    @AfterEach
    void closeMongo() {
        mongo.close();
    }
}
