package receivables.payments.bank.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import receivables.api.statement.MalformedStatementException;
import receivables.api.statement.StatementFormat;
import receivables.api.statement.StatementHeader;
import receivables.api.statement.StatementLine;
import receivables.api.statement.StatementSink;

/** Keeps what a reader delivers and checks, as it arrives, that the sink's call order is kept. */
final class RecordingSink implements StatementSink {

    /** One statement as delivered: its header at the start, its lines, its header at the end. */
    record Recorded(StatementHeader begin, List<StatementLine> lines, StatementHeader end) {
    }

    /** A warning as delivered. */
    record Warning(String location, String message) {
    }

    private final List<Recorded> statements = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private StatementHeader begin;
    private List<StatementLine> lines;
    private int delivered;

    static RecordingSink read(StatementFormat format, Path file) throws MalformedStatementException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(format, in);
        }
    }

    static RecordingSink read(StatementFormat format, String content) throws MalformedStatementException {
        return read(format, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    static RecordingSink read(StatementFormat format, InputStream in) throws MalformedStatementException {
        RecordingSink sink = new RecordingSink();
        format.read(in, sink);
        assertThat(sink.begin).as("every statement begun has ended").isNull();
        return sink;
    }

    @Override
    public void statement(StatementHeader header) {
        assertThat(begin).as("a statement begins only after the previous one ended").isNull();
        begin = header;
        lines = new ArrayList<>();
    }

    @Override
    public void line(StatementLine line) {
        assertThat(begin).as("a line belongs to a statement begun").isNotNull();
        assertThat(line.statementId()).isEqualTo(begin.statementId());
        assertThat(line.sequence()).isEqualTo(lines.size() + 1);
        lines.add(line);
        delivered++;
    }

    @Override
    public void end(StatementHeader header) {
        assertThat(begin).as("only a statement begun ends").isNotNull();
        // What was said before the lines stays as it was; only what follows them may be added.
        assertThat(header.statementId()).isEqualTo(begin.statementId());
        assertThat(header.accountIban()).isEqualTo(begin.accountIban());
        assertThat(header.openingBalance()).isEqualTo(begin.openingBalance());
        assertThat(header.from()).isEqualTo(begin.from());
        if (begin.closingBalance() != null) {
            assertThat(header.closingBalance()).isEqualTo(begin.closingBalance());
        }
        statements.add(new Recorded(begin, List.copyOf(lines), header));
        begin = null;
        lines = null;
    }

    @Override
    public void warning(String location, String message) {
        warnings.add(new Warning(location, message));
    }

    List<Warning> warnings() {
        return warnings;
    }

    List<Recorded> statements() {
        return statements;
    }

    /** Lines received so far, also of a statement not yet ended. */
    int delivered() {
        return delivered;
    }

    List<StatementLine> lines() {
        return statements.stream().flatMap(statement -> statement.lines().stream()).toList();
    }
}
