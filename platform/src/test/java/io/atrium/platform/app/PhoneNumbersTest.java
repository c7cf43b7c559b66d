package io.atrium.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void storesWhatPeopleTypeCompact() {
        assertThat(PhoneNumbers.compact(" +7 (912) 345-67-89 ")).contains("+79123456789");
        assertThat(PhoneNumbers.compact("+44 20.7946.0958")).contains("+442079460958");
        assertThat(PhoneNumbers.compact("8 912 345 67 89")).contains("89123456789");
    }

    @Test
    void refusesWhatIsNoNumber() {
        assertThat(PhoneNumbers.compact("call me")).isEmpty();
        assertThat(PhoneNumbers.compact("+7 12")).isEmpty();
        assertThat(PhoneNumbers.compact("++79123456789")).isEmpty();
    }

    @Test
    void showsTheNumberGroupedAsItsCountryWritesIt() {
        assertThat(PhoneNumbers.display("+79123456789")).isEqualTo("+7 912 345-67-89");
        assertThat(PhoneNumbers.display("+442079460958")).isEqualTo("+44 20 7946 0958");
        assertThat(PhoneNumbers.display("+14155552671")).isEqualTo("+1 415-555-2671");
    }

    @Test
    void showsANumberOfUnknownCountryAsStored() {
        assertThat(PhoneNumbers.display("89123456789")).isEqualTo("89123456789");
        assertThat(PhoneNumbers.display("+99912")).isEqualTo("+99912");
        assertThat(PhoneNumbers.display(null)).isNull();
    }
}
