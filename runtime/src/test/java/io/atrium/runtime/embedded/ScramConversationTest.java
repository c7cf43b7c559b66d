package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The server side of SCRAM-SHA-256 against the exchange of RFC 7677 section 3. */
class ScramConversationTest {

    static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    static ScramSha256 rfcKeys() {
        return ScramSha256.derive("pencil", Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
    }

    private static ScramConversation conversation(String username) {
        return new ScramConversation(username, rfcKeys(), () -> SERVER_NONCE);
    }

    @Test
    void shouldAnswerTheRfcExchangeWithTheRfcMessages() throws Exception {
        // given
        var conversation = conversation("user");

        // when
        String serverFirst = conversation.first(CLIENT_FIRST);
        String serverFinal = conversation.last(CLIENT_FINAL);

        // then
        assertThat(serverFirst).isEqualTo(SERVER_FIRST);
        assertThat(serverFinal).isEqualTo(SERVER_FINAL);
    }

    @Test
    void shouldRefuseAForgedProof() throws Exception {
        // given: the RFC's proof with one bit flipped
        var conversation = conversation("user");
        conversation.first(CLIENT_FIRST);
        byte[] proof = Base64.getDecoder().decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        proof[0] ^= 1;
        String forged = CLIENT_FINAL.substring(0, CLIENT_FINAL.indexOf(",p=") + 3)
                + Base64.getEncoder().encodeToString(proof);

        // when / then
        assertThatThrownBy(() -> conversation.last(forged))
                .isInstanceOf(ScramConversation.Failure.class).hasMessageContaining("wrong password");
    }

    @Test
    void shouldRefuseTheRightProofForOtherKeys() throws Exception {
        // given: same salt and iterations, other password
        var conversation = new ScramConversation("user",
                ScramSha256.derive("pencil2", Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096),
                () -> SERVER_NONCE);
        conversation.first(CLIENT_FIRST);

        // when / then
        assertThatThrownBy(() -> conversation.last(CLIENT_FINAL)).isInstanceOf(ScramConversation.Failure.class);
    }

    @Test
    void shouldRefuseAnotherUser() {
        assertThatThrownBy(() -> conversation("admin").first(CLIENT_FIRST))
                .isInstanceOf(ScramConversation.Failure.class).hasMessageContaining("unknown user");
    }

    @Test
    void shouldRefuseAFinalMessageWithAnotherNonce() throws Exception {
        // given
        var conversation = conversation("user");
        conversation.first(CLIENT_FIRST);

        // when / then: a replay of a proof made for another server nonce
        assertThatThrownBy(() -> conversation.last(CLIENT_FINAL.replace("k0,p=", "k1,p=")))
                .isInstanceOf(ScramConversation.Failure.class).hasMessageContaining("nonce");
    }

    @Test
    void shouldRefuseChannelBindingAndAFinalMessageOutOfTurn() throws Exception {
        assertThatThrownBy(() -> conversation("user").first("p=tls-unique,,n=user,r=abc"))
                .isInstanceOf(ScramConversation.Failure.class);
        assertThatThrownBy(() -> conversation("user").last(CLIENT_FINAL))
                .isInstanceOf(ScramConversation.Failure.class);
        var once = conversation("user");
        once.first(CLIENT_FIRST);
        once.last(CLIENT_FINAL);
        assertThatThrownBy(() -> once.last(CLIENT_FINAL)).isInstanceOf(ScramConversation.Failure.class);
    }

    @Test
    void shouldUnescapeCommasAndEqualSignsInTheUserName() throws Exception {
        // given
        var conversation = conversation("a,b=c");

        // when
        String serverFirst = conversation.first("n,,n=a=2Cb=3Dc,r=rOprNGfwEbeRWgbNEkqO");

        // then
        assertThat(serverFirst).startsWith("r=rOprNGfwEbeRWgbNEkqO" + SERVER_NONCE);
    }

    @Test
    void shouldDeriveTheIterationCountMongodbUses() {
        assertThat(ScramSha256.derive("pencil").iterations()).isGreaterThanOrEqualTo(15_000);
    }
}
