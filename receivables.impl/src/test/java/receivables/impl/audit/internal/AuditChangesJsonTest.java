package receivables.impl.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.api.audit.FieldChange;

/**
 * The audit trail writes a record's changes field by field; what it writes must be what the mapper wrote before
 * (stored records are verified against their text) and read back as the same changes.
 */
class AuditChangesJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Property
    void writesWhatTheMapperWritesAndReadsBack(@ForAll("changes") List<FieldChange> changes) throws Exception {
        String written = AuditChain.json(changes);
        assertThat(written).isEqualTo(MAPPER.writeValueAsString(changes));
        assertThat(MAPPER.readValue(written, new TypeReference<List<FieldChange>>() {
        })).isEqualTo(changes);
    }

    @Provide
    Arbitrary<List<FieldChange>> changes() {
        // Any text, control characters, quotes, backslashes and surrogate pairs included, or none at all.
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40).injectNull(0.2);
        return Combinators.combine(text, text, text).as(FieldChange::new).list().ofMaxSize(12);
    }
}
