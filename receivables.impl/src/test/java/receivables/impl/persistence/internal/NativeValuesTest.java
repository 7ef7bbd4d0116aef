package receivables.impl.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NativeValuesTest {

    @Example
    void clipsToTheColumnAndReplacesControlCharacters() {
        assertThat(NativeValues.clip(null, 5)).isNull();
        assertThat(NativeValues.clip("Acme GmbH", 4)).isEqualTo("Acme");
        assertThat(NativeValues.clip("INV\u0000-1\n", 10)).isEqualTo("INV\uFFFD-1\uFFFD");
    }

    @Property
    void whateverTheTextNothingClippedIsLongerThanItsColumnOrHoldsAControlCharacter(@ForAll String text,
            @ForAll @IntRange(min = 1, max = 300) int length) {
        String clipped = NativeValues.clip(text, length);

        assertThat(clipped.length()).isLessThanOrEqualTo(length);
        assertThat(clipped.chars().noneMatch(Character::isISOControl)).isTrue();
    }
}
