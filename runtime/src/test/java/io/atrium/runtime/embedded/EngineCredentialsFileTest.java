package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCredentialsFileTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldGenerateOnceIntoAnOwnerOnlyFileAndReuseAfterwards() throws Exception {
        // given
        var first = EngineCredentialsFile.in(dataDir).obtain("mongodb");

        // when: a later start
        var again = EngineCredentialsFile.in(dataDir).obtain("mongodb");

        // then
        Path file = dataDir.resolve("credentials.properties");
        assertThat(first.generated()).isTrue();
        assertThat(first.credentials().password()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(again.generated()).isFalse();
        assertThat(again.credentials()).isEqualTo(first.credentials());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("mongodb.password=" + first.credentials().password());
        assertThat(dataDir.resolve("credentials.properties.tmp")).doesNotExist();
    }

    @Test
    void shouldKeepEachEngineItsOwnCredentials() {
        // given
        var file = EngineCredentialsFile.in(dataDir);
        var mongodb = file.obtain("mongodb");

        // when
        var zeebe = file.obtain("zeebe");

        // then
        assertThat(zeebe.generated()).isTrue();
        assertThat(zeebe.credentials().password()).isNotEqualTo(mongodb.credentials().password());
        assertThat(file.obtain("mongodb").credentials()).isEqualTo(mongodb.credentials());
    }

    @Test
    void shouldMakeAFileThatOthersCouldReadOwnerOnly() throws Exception {
        // given
        var generated = EngineCredentialsFile.in(dataDir).obtain("zeebe");
        Path file = dataDir.resolve("credentials.properties");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        // when
        var reused = EngineCredentialsFile.in(dataDir).obtain("zeebe");

        // then
        assertThat(reused.credentials()).isEqualTo(generated.credentials());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldNeverShowThePasswordInToString() {
        var credentials = new EngineCredentials("atrium", "s3cret-s3cret");
        assertThat(credentials.toString()).doesNotContain("s3cret");
    }
}
